"""Agents log in with ProConnect against a real OpenID provider (node-oidc-provider):
a commune's, an EPCI's and a département's agent get a validated account, an agent of
a CCAS is told why not, an existing account is linked, logout ends both sessions."""

import re

import pytest
from playwright.sync_api import expect

from collectivites.models import Collectivite, Representative
from tests.browser.accessibility import accessibility_violations
from tests.browser.rgaa import set_dark_theme
from tests.collectivites.factories import CollectiviteFactory, RepresentativeFactory, UserFactory
from tests.oidc_provider.provider import (
    CLIENT_ID,
    CLIENT_SECRET,
    COMMUNE_SIREN,
    DEPARTEMENT_SIREN,
    EPCI_SIREN,
    running_provider,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def oidc_provider(live_server):
    with running_provider(site_url=live_server.url) as provider:
        yield provider


@pytest.fixture
def proconnect_site(demo_site, oidc_provider, settings):
    settings.PROCONNECT_DISCOVERY_URL = oidc_provider.discovery_url
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    return demo_site


def _collectivite(siren: str, kind: str, name: str) -> Collectivite:
    """The one of the official list with this SIREN, or a test one made with it."""
    found = Collectivite.objects.current().filter(siren=siren).first()
    return found or CollectiviteFactory(siren=siren, kind=kind, name=name, code=siren)


def _log_in_with_proconnect(page, site_url: str, login: str) -> None:
    page.goto(site_url + "/compte/connexion/")
    page.get_by_role("link", name="S’identifier avec ProConnect").click()
    # The provider's own login page (any password).
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("mot-de-passe-du-fournisseur")
    page.get_by_role("button", name="Sign-in").click()


def test_a_commune_agent_logs_in_and_logging_out_ends_the_proconnect_session(proconnect_site, page):
    commune = _collectivite(COMMUNE_SIREN, Collectivite.Kind.COMMUNE, "Plessé")
    page.goto(proconnect_site.url + "/compte/connexion/")
    expect(page.get_by_role("link", name="S’identifier avec ProConnect")).to_be_visible()
    assert accessibility_violations(page) == []
    set_dark_theme(page)  # the button keeps its contrast in the dark theme
    assert accessibility_violations(page) == []

    _log_in_with_proconnect(page, proconnect_site.url, "agent-commune")

    expect(page.get_by_role("heading", level=1)).to_have_text("Mon compte")
    expect(page.get_by_text("Vous êtes connecté avec ProConnect.")).to_be_visible()
    expect(page.get_by_text(commune.label).first).to_be_visible()
    representative = Representative.objects.get(email="camille.martin@plesse.test")
    assert representative.collectivite == commune
    assert representative.full_name == "Camille Martin"
    assert representative.can_act and representative.proconnect_sub == "agent-commune"
    assert not representative.user.has_usable_password()
    assert accessibility_violations(page) == []

    page.get_by_role("button", name="Se déconnecter").first.click()
    page.get_by_role("button", name="Se déconnecter de ProConnect").click()
    expect(page).to_have_url(re.compile(r"/compte/connexion/"))
    expect(page.get_by_text("Vous êtes déconnecté.")).to_be_visible()
    # ProConnect forgot the agent too: it asks who they are again.
    page.get_by_role("link", name="S’identifier avec ProConnect").click()
    expect(page.locator("input[name=login]")).to_be_visible()


@pytest.mark.parametrize(
    ("login", "siren", "kind", "name"),
    [
        ("agent-epci", EPCI_SIREN, Collectivite.Kind.EPCI, "CC du Pays de Blain"),
        ("agent-departement", DEPARTEMENT_SIREN, Collectivite.Kind.DEPARTEMENT, "Loire-Atlantique"),
    ],
)
def test_an_epci_or_departement_agent_gets_a_validated_account(
    proconnect_site, page, login, siren, kind, name
):
    collectivite = _collectivite(siren, kind, name)
    _log_in_with_proconnect(page, proconnect_site.url, login)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon compte")
    expect(page.get_by_text(collectivite.label).first).to_be_visible()
    representative = Representative.objects.get(proconnect_sub=login)
    assert representative.collectivite == collectivite and representative.can_act


def test_an_agent_of_a_ccas_is_told_why_and_offered_the_sign_up(proconnect_site, page):
    _log_in_with_proconnect(page, proconnect_site.url, "agent-ccas")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Votre employeur n'est pas une collectivité de la liste officielle"
    )
    expect(page.get_by_text("SIREN 264401302")).to_be_visible()
    assert accessibility_violations(page) == []
    assert not Representative.objects.filter(email="alex.durand@ccas-plesse.test").exists()
    page.get_by_role("link", name="Créer un compte de représentant").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Créer un compte de représentant")


def test_an_existing_account_with_the_same_address_is_linked_not_duplicated(proconnect_site, page):
    commune = _collectivite(COMMUNE_SIREN, Collectivite.Kind.COMMUNE, "Plessé")
    existing = RepresentativeFactory(
        user=UserFactory(username="sacha.leroy@plesse.test"),
        collectivite=commune,
        full_name="Sacha Leroy-Dupont",
        status=Representative.Status.PENDING,
        approved_at=None,
    )
    _log_in_with_proconnect(page, proconnect_site.url, "agent-existant")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon compte")
    expect(page.get_by_text("Sacha Leroy-Dupont")).to_be_visible()
    assert Representative.objects.filter(email="sacha.leroy@plesse.test").count() == 1
    existing.refresh_from_db()
    assert existing.proconnect_sub == "agent-existant"
    assert existing.status == Representative.Status.ACTIVE
    # The password chosen at sign-up still works (the address had been confirmed).
    assert existing.user.check_password("mot-de-passe-solide-42")
