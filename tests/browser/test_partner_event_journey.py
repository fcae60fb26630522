"""A partner announces an event and follows it to the agenda: proposes it, reads
its status page, corrects it; once published (and opened to registration on the
site), a visitor registers, gets the e-mail, and can give the place back from its
link, which goes to the first person waiting. Each date of a series has its page.
axe-core on every page, in the light theme and then the dark one."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from contributions import services
from contributions.models import Contribution
from events.models import EventPage, EventRegistration
from events.services import event_register
from tests.browser.accessibility import accessibility_violations
from tests.browser.rgaa import set_dark_theme
from tests.collectivites.factories import UserFactory

pytestmark = pytest.mark.browser

SERIES = "/agenda/webinaire-evaluer-sa-demarche-de-participation/"


def link_in(message, prefix: str) -> str:
    return re.search(r"https?://[^/\s]+(" + re.escape(prefix) + r"\S+)", message.body).group(1)


def mails_to(address: str):
    return [message for message in mail.outbox if message.to == [address]]


def propose_and_correct(page, site_url: str) -> None:
    page.goto(site_url + "/contribuer/")
    page.get_by_role("link", name="Annoncer un événement").click()
    day = datetime.date.today() + datetime.timedelta(days=20)
    page.get_by_label("Nom de l'événement").fill("Atelier des conseils citoyens")
    page.get_by_label("Présentation en quelques phrases").fill("Échanges entre conseils.")
    page.get_by_label("Date de début").fill(day.isoformat())
    page.get_by_label("Heure de début").fill("18:30")
    page.get_by_label("Heure de fin").fill("20:30")
    page.get_by_label("Ville (facultatif)", exact=True).fill("Nantes")
    page.get_by_label("Nom et prénom").fill("Paul Durand")
    page.get_by_label("Collectivité ou organisation").fill("ICPC Loire-Atlantique")
    page.get_by_label("Adresse e-mail").fill("paul@icpc.example.org")
    page.get_by_role("button", name="Envoyer ma proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse e-mail")

    [confirmation] = mails_to("paul@icpc.example.org")
    page.goto(site_url + link_in(confirmation, "/contribuer/confirmer/"))
    page.get_by_role("button", name="Confirmer ma proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suivi de votre proposition")
    expect(page.locator("main")).to_contain_text("Atelier des conseils citoyens")
    assert accessibility_violations(page) == []

    page.get_by_role("link", name="Corriger ma proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Corriger ma proposition")
    assert accessibility_violations(page) == []
    page.get_by_label("Nom de l'événement").fill("Atelier des conseils citoyens de Nantes")
    page.get_by_role("button", name="Enregistrer la correction").click()
    expect(page.locator("main")).to_contain_text("Votre proposition est corrigée")
    expect(page.locator("main")).to_contain_text("Atelier des conseils citoyens de Nantes")


def publish_with_registration() -> EventPage:
    """What the moderator does: publishes, then opens one place on the site with a
    waiting list (in the admin; by the services here)."""
    moderator = UserFactory(username="moderatrice", email="moderatrice@anct.example.gouv.fr")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    event = services.contribution_approve(
        contribution=Contribution.objects.get(), moderator=moderator
    )
    event.registration_mode, event.capacity, event.waiting_list = "site", 1, True
    event.save_revision(user=moderator).publish(user=moderator)
    return EventPage.objects.get(pk=event.pk)


def test_partner_event_from_proposal_to_registration(demo_site, page):
    propose_and_correct(page, demo_site.url)
    event = publish_with_registration()
    page.reload()
    expect(page.locator("main")).to_contain_text("Votre proposition est publiée")

    # The visitor finds it in the agenda, in the dark theme from now on.
    page.goto(demo_site.url + "/agenda/")
    set_dark_theme(page)
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Atelier des conseils citoyens de Nantes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Atelier des conseils citoyens de Nantes"
    )
    expect(page.locator("#inscription")).to_contain_text("1 place restante")
    assert accessibility_violations(page) == []
    page.get_by_label("Prénom et nom").fill("Camille Martin")
    page.get_by_label("Adresse e-mail").fill("camille@example.org")
    page.get_by_role("button", name="M'inscrire").click()
    expect(page.locator("#inscription [role=status]")).to_contain_text(
        "Votre inscription est confirmée"
    )
    assert accessibility_violations(page) == []
    [confirmation] = mails_to("camille@example.org")
    assert "Atelier des conseils citoyens de Nantes" in confirmation.subject

    # Someone else waits; Camille gives her place back from the e-mail's link.
    occurrence_id = event.occurrences.get().pk
    event_register(event=event, occurrence_id=occurrence_id, name="Sacha", email="sacha@ex.org")
    page.goto(demo_site.url + link_in(confirmation, "/agenda/inscriptions/annuler/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Annuler mon inscription")
    assert EventRegistration.objects.get(email="camille@example.org").status == "confirmed"
    assert accessibility_violations(page) == []
    page.get_by_role("button", name="Annuler mon inscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inscription annulée")
    assert accessibility_violations(page) == []
    assert EventRegistration.objects.get(email="sacha@ex.org").status == "confirmed"
    [_waiting, promoted] = mails_to("sacha@ex.org")
    assert promoted.subject.startswith("Une place s'est libérée")

    # Each date of a series has its own page, reached from the list of dates.
    page.goto(demo_site.url + SERIES)
    page.locator(".tec-event-series a:not([download])").nth(1).click()
    expect(page).to_have_url(re.compile(re.escape(SERIES) + r"\d{8}T\d{4}/$"))
    expect(page.get_by_text("Voir toutes les dates de la série")).to_be_visible()
    assert accessibility_violations(page) == []
    assert page.console_errors == []
