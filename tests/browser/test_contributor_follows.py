"""A partner follows a proposal: sends it, confirms, corrects it from the status page,
sees it published; a collectivité reads the ANCT's answer on its request's page."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from contributions import services
from contributions.models import Contribution
from tests.browser.accessibility import accessibility_violations
from tests.collectivites.factories import UserFactory
from tests.contributions.factories import NeedRequestFactory
from themes.models import ThemePage

pytestmark = pytest.mark.browser


def link_in(message, prefix: str) -> str:
    return re.search(r"https?://[^/\s]+(" + re.escape(prefix) + r"\S+)", message.body).group(1)


def moderator():
    user = UserFactory(username="moderatrice", email="moderatrice@anct.example.gouv.fr")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def propose_a_resource(page, site_url: str, theme) -> None:
    page.goto(f"{site_url}/contribuer/ressource/?thematique={theme.slug}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Proposer une ressource")
    expect(page.get_by_role("checkbox", name=re.compile(re.escape(theme.title)))).to_be_checked()
    page.get_by_label("Titre de la ressource").fill("Guide des budgets participatifs ruraux")
    page.get_by_label("Type de ressource").select_option("guide")
    page.get_by_label("Résumé").fill("Comment lancer un budget participatif dans une commune.")
    page.get_by_label("Lien vers la ressource").fill("pas une adresse")
    page.get_by_label("Nom et prénom").fill("Anne Martin")
    page.get_by_label("Collectivité ou organisation").fill("Décider ensemble")
    page.get_by_label("Adresse e-mail").fill("anne@decider-ensemble.example.org")
    page.get_by_role("button", name="Envoyer ma proposition").click()
    expect(page.locator("#form-errors")).to_be_focused()
    page.get_by_label("Lien vers la ressource").fill("https://decider.example.org/guide-rural")
    page.get_by_role("button", name="Envoyer ma proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse e-mail")


def test_partner_corrects_a_proposal_and_sees_it_published(demo_site, page):
    theme = ThemePage.objects.live().order_by("-month").first()
    propose_a_resource(page, demo_site.url, theme)
    [confirmation] = [m for m in mail.outbox if m.to == ["anne@decider-ensemble.example.org"]]
    assert confirmation.reply_to
    page.goto(demo_site.url + link_in(confirmation, "/contribuer/confirmer/"))
    page.get_by_role("button", name="Confirmer ma proposition").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Suivi de votre proposition")
    main = page.locator("main")
    expect(main).to_contain_text("Ce que vous avez envoyé")
    expect(main).to_contain_text("https://decider.example.org/guide-rural")
    expect(main).to_contain_text(theme.title)
    assert accessibility_violations(page) == []

    # Withdrawing asks first; keeping it changes nothing.
    page.get_by_role("link", name="Retirer ma proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Retirer ma proposition")
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Garder ma proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suivi de votre proposition")

    page.get_by_role("link", name="Corriger ma proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Corriger ma proposition")
    title = page.get_by_label("Titre de la ressource")
    expect(title).to_have_value("Guide des budgets participatifs ruraux")
    assert accessibility_violations(page) == []
    page.get_by_label("Lien vers la ressource").fill("")
    title.fill("Guide des budgets participatifs en milieu rural")
    page.get_by_role("button", name="Enregistrer la correction").click()
    expect(page.locator("#form-errors")).to_be_focused()
    assert accessibility_violations(page) == []
    page.get_by_label("Lien vers la ressource").fill("https://decider.example.org/guide-rural-v2")
    page.get_by_role("button", name="Enregistrer la correction").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Suivi de votre proposition")
    expect(main).to_contain_text("Votre proposition est corrigée")
    expect(main).to_contain_text("Corrigée par son auteur")
    expect(main).to_contain_text("Guide des budgets participatifs en milieu rural")
    assert accessibility_violations(page) == []

    contribution = Contribution.objects.get()
    services.contribution_approve(contribution=contribution, moderator=moderator())
    page.reload()
    expect(main).to_contain_text("Votre proposition est publiée")
    expect(page.get_by_role("link", name="Corriger ma proposition")).to_have_count(0)
    page.get_by_role("link", name=re.compile("Voir « Guide des budgets participatifs")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Guide des budgets participatifs en milieu rural"
    )
    assert page.console_errors == []


def test_collectivite_reads_the_answer_to_its_request(demo_site, page):
    need = NeedRequestFactory(
        subject="Évaluer nos conseils de quartier", email="anne.martin@nantes.example.fr"
    )
    page.goto(demo_site.url + services.need_request_status_path(need_request=need))
    expect(page.get_by_role("heading", level=1)).to_have_text("Suivi de votre demande")
    expect(page.locator(".fr-stepper__title")).to_contain_text("Reçue")
    assert accessibility_violations(page) == []

    services.need_request_answer(
        need_request=need,
        user=moderator(),
        answer="Bonjour,\nLa Ville de Rezé a mené une évaluation semblable : nous vous mettons en relation.",
    )
    [answer] = [m for m in mail.outbox if m.to == ["anne.martin@nantes.example.fr"]]
    page.goto(demo_site.url + link_in(answer, "/besoin/suivi/"))
    expect(page.locator(".fr-stepper__title")).to_contain_text("Répondue")
    expect(page.locator("main")).to_contain_text("La Ville de Rezé a mené une évaluation semblable")
    assert accessibility_violations(page) == []
    assert page.console_errors == []
