"""A partner announces an event; a collectivité states its need to the ANCT."""

import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from contributions.models import Contribution, NeedRequest
from tests.browser.accessibility import accessibility_violations

pytestmark = pytest.mark.browser


def test_partner_announces_an_event_and_follows_it(demo_site, page):
    page.goto(demo_site.url + "/contribuer/")
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Annoncer un événement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annoncer un événement")
    assert accessibility_violations(page) == []

    # Sent empty: the error summary takes the focus and links to the fields.
    page.get_by_role("button", name="Envoyer ma proposition").click()
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    assert accessibility_violations(page) == []

    day = datetime.date.today() + datetime.timedelta(days=20)
    page.get_by_label("Nom de l'événement").fill("Afterwork de rentrée de l'ICPC")
    page.get_by_label("Présentation en quelques phrases").fill("Échanges sur les prérequis.")
    page.get_by_label("Date de début").fill(day.isoformat())
    page.get_by_label("Heure de début").fill("18:30")
    page.get_by_label("Heure de fin").fill("20:30")
    page.get_by_label("Ville (facultatif)", exact=True).fill("Nantes")
    page.get_by_label("Nom et prénom").fill("Paul Durand")
    page.get_by_label("Collectivité ou organisation").fill("ICPC Loire-Atlantique")
    page.get_by_label("Adresse e-mail").fill("paul@icpc.example.org")
    page.get_by_role("button", name="Envoyer ma proposition").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse e-mail")
    contribution = Contribution.objects.get()
    expect(page.locator("main")).to_contain_text(contribution.reference)
    assert accessibility_violations(page) == []

    [confirmation] = [m for m in mail.outbox if m.to == ["paul@icpc.example.org"]]
    path = re.search(r"https?://[^/\s]+(/contribuer/confirmer/\S+)", confirmation.body).group(1)
    # Opening the link confirms nothing (mail scanners open links): the button does.
    page.goto(demo_site.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer ma proposition")
    assert accessibility_violations(page) == []
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.UNCONFIRMED
    page.get_by_role("button", name="Confirmer ma proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suivi de votre proposition")
    expect(page.locator(".fr-stepper__title")).to_contain_text("Reçue")
    assert accessibility_violations(page) == []
    assert page.console_errors == []


def test_collectivite_states_its_need_after_seeing_suggestions(demo_site, page):
    page.goto(demo_site.url + "/besoin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Préciser mon besoin")
    assert accessibility_violations(page) == []

    collectivite = page.get_by_role("combobox", name=re.compile("Votre collectivité"))
    collectivite.press_sequentially("Nantes", delay=50)
    option = page.get_by_role("option").filter(has_text="Nantes").first
    option.wait_for()
    option.click()
    page.get_by_label("Nom et prénom").fill("Anne Martin")
    page.get_by_label("Fonction").fill("Adjointe à la démocratie participative")
    page.get_by_label("Adresse e-mail").fill("anne.martin@nantes.example.fr")
    page.get_by_text("En préparation").click()
    page.get_by_label("Objet de votre demande").fill("Évaluer notre démarche participative")
    page.get_by_role("textbox", name=re.compile("^Votre besoin")).fill(
        "Nous voulons évaluer la participation citoyenne de nos conseils de quartier."
    )
    page.get_by_role("button", name="Vérifier et continuer").click()

    suggestions = page.get_by_role("heading", name="Avant d'envoyer : ce que le site propose déjà")
    expect(suggestions).to_be_visible()
    assert accessibility_violations(page) == []
    assert NeedRequest.objects.count() == 0
    page.get_by_role("button", name="Envoyer ma demande").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse e-mail")
    need = NeedRequest.objects.get()
    assert need.collectivite is not None and need.collectivite.name == "Nantes"
    expect(page.locator("main")).to_contain_text(need.reference)
    expect(page.locator("main")).to_contain_text("anne.martin@nantes.example.fr")
    assert accessibility_violations(page) == []

    # The only e-mail is the confirmation link; the team hears of nothing yet.
    [confirmation] = mail.outbox
    assert confirmation.to == ["anne.martin@nantes.example.fr"]
    path = re.search(r"https?://[^/\s]+(/besoin/confirmer/\S+)", confirmation.body).group(1)
    page.goto(demo_site.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer ma demande")
    assert accessibility_violations(page) == []
    page.get_by_role("button", name="Confirmer ma demande").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre demande est transmise")
    expect(page.locator("main")).to_contain_text(need.reference)
    need.refresh_from_db()
    assert need.status == NeedRequest.Status.NEW
    assert accessibility_violations(page) == []
    assert page.console_errors == []
