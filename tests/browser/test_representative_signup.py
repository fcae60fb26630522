"""A representative signs up with the keyboard, confirms the address and sees « Mon compte »."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations

pytestmark = pytest.mark.browser

PASSWORD = "Participation-citoyenne-2026"


def test_sign_up_choosing_the_collectivite_with_the_keyboard(demo_site, page, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Se connecter").click()
    page.get_by_role("link", name="Créer un compte de représentant").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Créer un compte de représentant")
    assert accessibility_violations(page) == []

    page.get_by_label("Prénom et nom").fill("Anne Martin")
    # DSFR radios and checkboxes are drawn by their label, which takes the click.
    page.locator("label", has_text="Agent ou agente").click()

    combobox = page.get_by_role("combobox", name="Votre collectivité")
    combobox.press_sequentially("saint etien", delay=30)
    listbox = page.get_by_role("listbox", name="Collectivités proposées")
    expect(listbox).to_be_visible()
    expect(combobox).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status").filter(has_text="proposées")).to_contain_text(
        "Utilisez les flèches haut et bas"
    )
    assert accessibility_violations(page) == []

    # Down to the commune (the métropole, more populated, comes first), then Enter.
    combobox.press("ArrowDown")
    first = page.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(combobox).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    commune = page.get_by_role("option", name=re.compile(r"^Saint-Étienne \(42\) Commune"))
    while commune.get_attribute("aria-selected") != "true":
        combobox.press("ArrowDown")
    combobox.press("Enter")
    expect(combobox).to_have_value("Saint-Étienne (42)")
    expect(listbox).to_be_hidden()
    expect(combobox).to_have_attribute("aria-expanded", "false")

    # Escape closes the list without losing the choice.
    combobox.press("ArrowDown")
    combobox.press("Escape")
    expect(combobox).to_have_value("Saint-Étienne (42)")

    page.get_by_label("Adresse e-mail professionnelle").fill("anne.martin@saint-etienne.fr")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    page.locator("label", has_text="J'atteste être élu ou agent").click()
    expect(page.get_by_label("J'atteste être élu ou agent")).to_be_checked()
    page.get_by_role("button", name="Créer mon compte").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse e-mail")
    assert accessibility_violations(page) == []

    link = re.search(r"https?://\S+(/compte/confirmation/\S+/)", mail.outbox[-1].body)[1]
    page.goto(demo_site.url + link)
    page.get_by_role("button", name="Confirmer mon adresse").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mon compte")
    expect(page.get_by_text("Votre compte attend d'être validé")).to_be_visible()
    expect(page.get_by_text("Saint-Étienne (42)").first).to_be_visible()
    assert accessibility_violations(page) == []
    assert page.console_errors == []


def test_without_a_choice_in_the_list_the_server_asks_to_be_more_precise(demo_site, page):
    page.goto(demo_site.url + "/compte/inscription/")
    combobox = page.get_by_role("combobox", name="Votre collectivité")
    combobox.fill("Saint-Martin")
    combobox.press("Escape")  # closes the list, keeps the text
    expect(combobox).to_have_value("Saint-Martin")
    page.get_by_role("button", name="Créer mon compte").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Plusieurs collectivités correspondent")
    expect(combobox).to_have_value("Saint-Martin")
    expect(combobox).to_have_attribute("aria-invalid", "true")
    assert accessibility_violations(page) == []


def test_login_and_account_pages_pass_axe(demo_site, page):
    page.goto(demo_site.url + "/compte/connexion/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter")
    assert accessibility_violations(page) == []
    page.get_by_label("Adresse e-mail").fill("personne@exemple.fr")
    page.get_by_label("Mot de passe").fill("mauvais")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_contain_text("Adresse e-mail ou mot de passe incorrect")
    assert accessibility_violations(page) == []

    page.goto(demo_site.url + "/compte/mot-de-passe/oubli/")
    assert accessibility_violations(page) == []
    page.goto(demo_site.url + "/compte/nouveau-lien/")
    assert accessibility_violations(page) == []
