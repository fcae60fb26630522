"""The agenda in a real browser: filter with the keyboard, open an event, take its .ics."""

import re

import icalendar
import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations

pytestmark = pytest.mark.browser


def test_visitor_filters_the_agenda_with_the_keyboard_and_downloads_an_event(demo_site, page):
    page.goto(demo_site.url + "/agenda/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda")
    before = page.get_by_role("status").first.inner_text()
    assert before.endswith("événements à venir")

    page.get_by_label("Format").focus()
    # Keyboard only: the arrow keys change a focused <select>, Tab then Enter submits.
    for _ in range(2):
        page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Format")).to_have_value("en_ligne")
    page.get_by_role("button", name="Filtrer").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**format=en_ligne*")
    # The webinar series: each of its six dates is listed.
    expect(page.get_by_role("status").first).to_have_text("6 événements à venir")
    expect(page.get_by_role("link", name="S'abonner à cette sélection")).to_have_attribute(
        "href", "/agenda.ics?format=en_ligne"
    )

    link = page.get_by_role(
        "link", name="Webinaire : évaluer sa démarche de participation citoyenne"
    ).first
    link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Webinaire : évaluer sa démarche de participation citoyenne"
    )
    # The agenda leads to the next date's own page; the whole series is one link away.
    page.get_by_role("link", name="Voir toutes les dates de la série").click()
    expect(page).to_have_url(re.compile(r"/webinaire-evaluer-sa-demarche-de-participation/$"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ajouter à mon agenda").click()
    download = download_info.value
    assert download.suggested_filename == "webinaire-evaluer-sa-demarche-de-participation.ics"
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())  # noqa: SIM115
    # The series, then its cancelled date.
    event, cancelled = calendar.walk("VEVENT")
    assert "RRULE" in event and cancelled["STATUS"] == "CANCELLED"
    assert str(event["SUMMARY"]) == "Webinaire : évaluer sa démarche de participation citoyenne"
    assert page.console_errors == []


def test_agenda_archive_and_event_pages_pass_axe(demo_site, page):
    for url in [
        "/agenda/",
        "/agenda/?region=52&format=presentiel",
        "/agenda/?region=94",
        "/agenda/?format=papier",
        "/agenda/archives/",
        "/agenda/journee-des-projets-partages-anct/",
        "/agenda/atelier-financer-une-demarche-participative/",
        "/agenda/rencontres-europeennes-de-la-participation-rennes/",
        "/",
    ]:
        page.goto(demo_site.url + url)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert accessibility_violations(page) == [], url
    assert page.console_errors == []
