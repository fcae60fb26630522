"""A representative logs in, votes for the collectivité and sees the tally move;
the ballot and results pages pass axe-core."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations
from tests.collectivites.factories import CollectiviteFactory, RepresentativeFactory
from votes.models import SharedProjectPage
from votes.services import registration_register

pytestmark = pytest.mark.browser

OPEN_CAMPAIGN = "/votes/prochain-projet-partage/"
PASSWORD = "mot-de-passe-solide-42"  # the factory's


def petite_enfance_votes(page) -> int:
    row = page.locator(".tec-tally__row", has_text="Petite enfance")
    return int(re.match(r"(\d+) voix", row.locator(".tec-tally__value").inner_text())[1])


def test_a_representative_votes_and_sees_the_tally_move(demo_site, page):
    representative = RepresentativeFactory(
        full_name="Hélène Durand",
        collectivite=CollectiviteFactory(name="Plessé", departement="44", region="52"),
    )
    page.goto(demo_site.url + OPEN_CAMPAIGN)
    expect(page.get_by_role("heading", level=1)).to_have_text("Le prochain projet partagé")
    before = petite_enfance_votes(page)
    assert accessibility_violations(page) == []

    page.get_by_role("link", name="Voter pour ma collectivité").click()
    page.get_by_role("link", name="Se connecter pour voter").click()
    page.get_by_label("Adresse e-mail").fill(representative.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()

    # Back on the ballot, logged in.
    expect(page.get_by_role("heading", level=1)).to_have_text("Bulletin de vote")
    expect(page.get_by_text("Votre collectivité n'a pas encore voté.")).to_be_visible()
    assert accessibility_violations(page) == []

    # Sent without a choice: the error summary and the message by the field.
    page.get_by_role("button", name="Voter pour ma collectivité").click()
    expect(page.get_by_role("alert").filter(has_text="Choisissez un thème.")).to_be_visible()
    assert accessibility_violations(page) == []

    # DSFR radios are drawn by their label, which takes the click.
    page.locator("label", has_text="Petite enfance").click()
    expect(page.get_by_role("radio", name=re.compile("^Petite enfance"))).to_be_checked()
    page.get_by_role("button", name="Voter pour ma collectivité").click()
    expect(page.get_by_text("Le vote de Plessé (44) est enregistré.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Dernier vote par Hélène Durand le \d+ "))).to_be_visible()
    expect(page.get_by_role("radio", name=re.compile("^Petite enfance"))).to_be_checked()
    assert accessibility_violations(page) == []

    page.get_by_role("link", name="Les résultats du vote").click()
    expect(page.get_by_role("heading", name="Résultats en direct")).to_be_visible()
    assert petite_enfance_votes(page) == before + 1
    table = page.get_by_role("table", name="Résultats par thème")
    expect(
        table.get_by_role("row", name=re.compile(f"Petite enfance {before + 1}"))
    ).to_be_visible()
    assert accessibility_violations(page) == []

    # The colleague's page now offers to change the vote; withdrawing moves it back.
    page.goto(demo_site.url + OPEN_CAMPAIGN + "bulletin/")
    page.get_by_role("button", name="Retirer le vote de ma collectivité").click()
    expect(page.get_by_text("Le vote de Plessé (44) a été retiré.")).to_be_visible()
    page.goto(demo_site.url + OPEN_CAMPAIGN)
    assert petite_enfance_votes(page) == before
    assert page.console_errors == []


def test_closed_results_and_projet_partage(demo_site, page):
    representative = RepresentativeFactory(
        collectivite=CollectiviteFactory(name="Rezé", departement="44", region="52")
    )
    page.goto(demo_site.url + "/votes/")
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Priorités d'action des territoires 2021-2022").click()
    expect(page.get_by_role("heading", name="Résultats définitifs")).to_be_visible()
    expect(page.locator(".tec-tally__row").first).to_contain_text(
        "Aménagement des territoires 172 voix"
    )
    page.get_by_text("Droit à la mobilité (136 collectivités)").click()  # open the details
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Découvrir le projet partagé").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aménagement des territoires")
    expect(page.get_by_text("Parties prenantes (3 sur 5 places)")).to_be_visible()
    assert accessibility_violations(page) == []

    page.get_by_role("link", name="Se connecter pour inscrire ma collectivité").click()
    page.get_by_label("Adresse e-mail").fill(representative.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aménagement des territoires")
    assert accessibility_violations(page) == []
    page.locator("label", has_text="Partie prenante").click()
    page.get_by_role("button", name="Inscrire Rezé (44)").click()
    expect(
        page.get_by_text("Rezé (44) participe à ce projet partagé comme partie prenante.")
    ).to_be_visible()
    expect(page.get_by_text("Parties prenantes (4 sur 5 places)")).to_be_visible()
    assert accessibility_violations(page) == []
    assert page.console_errors == []


def test_leaving_a_projet_partage_is_confirmed_then_undone(demo_site, page):
    """Leaving asks on a page of its own; once confirmed, the place is kept for a while
    and the departure can be undone from the project's page."""
    representative = RepresentativeFactory(
        collectivite=CollectiviteFactory(name="Bouguenais", departement="44", region="52")
    )
    project = SharedProjectPage.objects.live().get(title="Aménagement des territoires")
    registration_register(representative=representative, project=project, role="stakeholder")
    page.goto(demo_site.url + project.url)
    page.get_by_role("link", name="Se connecter pour inscrire ma collectivité").click()
    page.get_by_label("Adresse e-mail").fill(representative.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_text("Parties prenantes (4 sur 5 places)")).to_be_visible()

    page.get_by_role("button", name="Quitter le projet…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bouguenais (44) quitterait le projet partagé : confirmez-vous ?"
    )
    expect(page.get_by_text("15 minutes après votre confirmation")).to_be_visible()
    assert accessibility_violations(page) == []

    page.get_by_role("button", name="Confirmer").click()
    expect(
        page.get_by_text(re.compile("Bouguenais \\(44\\) quittera le projet le"))
    ).to_be_visible()
    expect(page.get_by_text("Parties prenantes (4 sur 5 places)")).to_be_visible()  # kept
    assert accessibility_violations(page) == []

    page.get_by_role("button", name="Annuler ce changement").click()
    expect(
        page.get_by_text("C'est annulé : Bouguenais (44) garde sa place dans ce projet partagé.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Annuler ce changement")).to_have_count(0)
    expect(page.get_by_text("Parties prenantes (4 sur 5 places)")).to_be_visible()
    assert accessibility_violations(page) == []
    assert page.console_errors == []
