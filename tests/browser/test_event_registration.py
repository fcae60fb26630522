"""A visitor registers for an event on the site, with the keyboard, and reads
every error at once; the pages pass axe-core."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from events.models import EventRegistration
from tests.browser.accessibility import accessibility_violations

pytestmark = pytest.mark.browser

EVENT = "/agenda/journee-des-projets-partages-anct/"


def test_a_visitor_registers_for_an_event(demo_site, page):
    page.goto(demo_site.url + EVENT)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Journée des projets partagés de l'ANCT"
    )
    assert accessibility_violations(page) == []
    # The web calendars are links, no script of theirs.
    google = page.get_by_role("link", name="Google Agenda")
    assert google.get_attribute("href").startswith("https://calendar.google.com/calendar/render?")

    page.get_by_role("link", name="S'inscrire", exact=True).click()
    page.get_by_label("Adresse e-mail").fill("pas-une-adresse")
    page.get_by_role("button", name="M'inscrire").click()
    summary = page.locator("#form-errors")
    expect(summary).to_contain_text("Le formulaire contient 2 erreurs")
    expect(summary).to_contain_text("Indiquez vos prénom et nom.")
    expect(summary).to_contain_text("Indiquez une adresse e-mail au format nom@domaine.fr.")
    expect(page.get_by_label("Adresse e-mail")).to_have_value("pas-une-adresse")
    assert accessibility_violations(page) == []

    page.get_by_label("Prénom et nom").fill("Camille Martin")
    page.get_by_label("Adresse e-mail").fill("camille@example.org")
    page.get_by_label("Organisation ou collectivité").fill("Ville de Rezé")
    page.get_by_label("Adresse e-mail").press("Enter")
    page.wait_for_url("**inscription=confirmee*")
    expect(page.locator("#inscription [role=status]")).to_contain_text(
        "Votre inscription est confirmée"
    )
    expect(page.locator("#inscription")).to_contain_text("79 places restantes")
    assert accessibility_violations(page) == []

    registration = EventRegistration.objects.get(email="camille@example.org")
    assert registration.status == "confirmed" and registration.organisation == "Ville de Rezé"
    assert [message.to for message in mail.outbox] == [["camille@example.org"]]
