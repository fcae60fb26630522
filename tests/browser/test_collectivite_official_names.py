"""An agent types the official name of their collectivité, on a phone, and finds it; a
name the list does not know says so to everyone, under the field."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def test_the_official_name_finds_the_epci_and_an_unknown_name_is_said(demo_site, phone):
    phone.goto(demo_site.url + "/compte/inscription/")
    combobox = phone.get_by_role("combobox", name="Votre collectivité")
    combobox.press_sequentially("Communauté de communes du Pays de Blain", delay=10)
    option = phone.get_by_role("option").first
    expect(option).to_contain_text("CC du Pays de Blain")
    combobox.press("ArrowDown")
    combobox.press("Enter")
    expect(combobox).to_have_value("CC du Pays de Blain (44)")

    combobox.fill("")
    combobox.press_sequentially("Zzyzx-sur-Rien", delay=10)
    message = phone.locator(".tec-combobox__status")
    expect(message).to_be_visible()
    expect(message).to_contain_text("Aucune collectivité trouvée pour « Zzyzx-sur-Rien »")
    assert accessibility_violations(phone) == []

    combobox.fill("")
    combobox.press_sequentially("Mairie de Plessé", delay=10)
    expect(phone.get_by_role("option").first).to_contain_text("Plessé")
    expect(message).to_be_hidden()
