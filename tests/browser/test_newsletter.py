import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations

pytestmark = pytest.mark.browser


def test_visitor_subscribes_confirms_manages_and_unsubscribes(demo_site, page):
    mail.outbox = []
    page.goto(demo_site.url + "/newsletter/")
    assert accessibility_violations(page) == []

    # A mistake first: the error is announced at the top and next to the field.
    page.get_by_label("Adresse e-mail").fill("lucie.martin@")
    page.get_by_role("button", name="S'abonner").click()
    expect(page.get_by_role("alert")).to_contain_text("Le formulaire contient 1 erreur")
    assert accessibility_violations(page) == []
    page.get_by_label("Adresse e-mail").fill("lucie.martin@exemple.fr")
    page.get_by_label("Nom et prénom").fill("Lucie Martin")
    page.locator("label", has_text="Retour à l'emploi").click()
    page.get_by_role("button", name="S'abonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    assert accessibility_violations(page) == []

    [confirmation] = mail.outbox
    link = re.search(r"http://\S+/newsletter/confirmer/\S+/", confirmation.body).group(0)
    page.goto(demo_site.url + "/newsletter/" + link.split("/newsletter/", 1)[1])
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer mon abonnement")
    assert accessibility_violations(page) == []
    page.get_by_role("button", name="Confirmer mon abonnement").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mes préférences")
    expect(page.get_by_role("status").first).to_contain_text("Votre abonnement est confirmé")
    expect(page.get_by_label("Retour à l'emploi")).to_be_checked()
    assert accessibility_violations(page) == []
    page.locator("label", has_text="Suspendre mes envois").click()
    page.get_by_role("button", name="Enregistrer mes préférences").click()
    expect(page.get_by_role("status").first).to_contain_text("Vos préférences sont enregistrées")

    page.get_by_role("link", name="Me désinscrire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se désinscrire de la newsletter")
    assert accessibility_violations(page) == []
    page.get_by_role("button", name="Confirmer ma désinscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes désinscrit(e)")
    assert accessibility_violations(page) == []
    # The only error is the form sent back with its mistake (HTTP 400), as intended.
    assert [e for e in page.console_errors if "status of 400" not in e] == []


def test_archive_and_issue_web_view_pass_axe(demo_site, page):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="S'abonner à la newsletter mensuelle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("S'abonner à la newsletter")
    assert accessibility_violations(page) == []

    page.goto(demo_site.url + "/newsletter/archives/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Archives de la newsletter")
    assert accessibility_violations(page) == []
    page.get_by_role("link", name=re.compile("Retour à l'emploi")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Retour à l'emploi")
    expect(page.get_by_role("heading", name="Votez pour une thématique !")).to_be_visible()
    assert accessibility_violations(page) == []
    assert page.console_errors == []
