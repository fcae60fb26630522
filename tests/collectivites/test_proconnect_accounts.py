"""What a ProConnect login does to accounts: created and validated for an agent of a
collectivité, refused otherwise, linked (never duplicated) to an account of the same
address, and never a way into someone else's account."""

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from collectivites.models import Collectivite, Representative
from collectivites.services.proconnect import (
    AgentClaims,
    ProConnectRefused,
    representative_proconnect_login,
)

from .factories import CollectiviteFactory, RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db

SIREN = "214401281"


def claims(**overrides) -> AgentClaims:
    values = {
        "sub": "pc-sub-1",
        "email": "Camille.Martin@plesse.test",
        "siret": SIREN + "00018",
        "given_name": "Camille",
        "usual_name": "Martin",
    }
    return AgentClaims.from_userinfo({**values, **overrides})


@pytest.fixture
def commune():
    return CollectiviteFactory(siren=SIREN, name="Plessé")


def test_an_agent_of_a_commune_gets_a_validated_account_without_password(commune):
    representative = representative_proconnect_login(claims=claims())
    assert representative.collectivite == commune
    assert representative.email == "camille.martin@plesse.test"
    assert representative.full_name == "Camille Martin"
    assert representative.can_act and representative.is_verified
    assert not representative.user.has_usable_password()
    # The next login finds the same account by ProConnect's subject.
    assert representative_proconnect_login(claims=claims()) == representative
    assert Representative.objects.filter(email="camille.martin@plesse.test").count() == 1


def test_an_epci_or_departement_is_found_by_its_siren():
    epci = CollectiviteFactory(kind=Collectivite.Kind.EPCI, siren="244400407")
    representative = representative_proconnect_login(claims=claims(siret="24440040700011"))
    assert representative.collectivite == epci


def test_an_employer_outside_the_list_is_refused_with_its_siret(commune):
    with pytest.raises(ProConnectRefused) as refusal:
        representative_proconnect_login(claims=claims(siret="26440130200012"))
    assert refusal.value.reason == "not_collectivite"
    assert refusal.value.siret == "26440130200012"
    assert not Representative.objects.filter(email="camille.martin@plesse.test").exists()


def test_a_merged_collectivite_is_not_chosen(commune):
    commune.is_current = False
    commune.save()
    with pytest.raises(ProConnectRefused):
        representative_proconnect_login(claims=claims())


def test_missing_claims_are_refused(commune):
    with pytest.raises(ProConnectRefused) as refusal:
        representative_proconnect_login(claims=claims(siret=""))
    assert refusal.value.reason == "missing_claims"


def test_an_existing_account_of_the_same_address_is_linked_and_validated(commune):
    existing = RepresentativeFactory(
        user=UserFactory(username="camille.martin@plesse.test"),
        collectivite=commune,
        status=Representative.Status.PENDING,
        approved_at=None,
    )
    representative = representative_proconnect_login(claims=claims())
    assert representative.pk == existing.pk
    assert representative.proconnect_sub == "pc-sub-1"
    assert representative.status == Representative.Status.ACTIVE
    assert Representative.objects.filter(email="camille.martin@plesse.test").count() == 1
    # Its owner had confirmed the address: their password still works.
    assert representative.user.check_password("mot-de-passe-solide-42")


def test_a_squatters_password_on_an_unconfirmed_account_is_dropped(commune):
    """Someone signed up with the agent's address without confirming it: when the
    agent proves the address through ProConnect, the squatter's password stops."""
    squatted = RepresentativeFactory(
        user=UserFactory(username="camille.martin@plesse.test"),
        collectivite=commune,
        status=Representative.Status.UNCONFIRMED,
        email_confirmed_at=None,
        approved_at=None,
    )
    representative = representative_proconnect_login(claims=claims())
    assert representative.pk == squatted.pk
    assert not representative.user.has_usable_password()
    assert representative.email_confirmed_at is not None


def test_an_account_already_linked_to_another_identity_is_not_taken(commune):
    RepresentativeFactory(
        user=UserFactory(username="camille.martin@plesse.test"),
        collectivite=commune,
        proconnect_sub="pc-someone-else",
    )
    with pytest.raises(ProConnectRefused) as refusal:
        representative_proconnect_login(claims=claims())
    assert refusal.value.reason == "other_identity"


def test_an_address_the_provider_does_not_vouch_for_links_nothing(commune):
    RepresentativeFactory(user=UserFactory(username="camille.martin@plesse.test"))
    with pytest.raises(ProConnectRefused):
        representative_proconnect_login(claims=claims(email_verified=False))


def test_a_staff_account_is_never_opened_by_proconnect(commune):
    UserFactory(username="camille.martin@plesse.test", is_staff=True)
    with pytest.raises(ProConnectRefused) as refusal:
        representative_proconnect_login(claims=claims())
    assert refusal.value.reason == "staff_account"


def test_a_suspended_account_stays_closed(commune):
    RepresentativeFactory(
        user=UserFactory(username="camille.martin@plesse.test"),
        collectivite=commune,
        status=Representative.Status.SUSPENDED,
    )
    with pytest.raises(ProConnectRefused) as refusal:
        representative_proconnect_login(claims=claims())
    assert refusal.value.reason == "suspended"


def test_the_same_address_at_another_collectivite_is_linked_but_left_to_moderators(commune):
    elsewhere = RepresentativeFactory(
        user=UserFactory(username="camille.martin@plesse.test"),
        status=Representative.Status.UNCONFIRMED,
        email_confirmed_at=None,
        approved_at=None,
    )
    representative = representative_proconnect_login(claims=claims())
    assert representative.pk == elsewhere.pk
    assert representative.status == Representative.Status.PENDING


def test_password_logins_do_not_reach_the_proconnect_backend(client, commune):
    RepresentativeFactory(user=UserFactory(username="anne@example.fr"))
    assert authenticate(username="anne@example.fr", password="mot-de-passe-solide-42")


def test_without_configuration_there_is_no_button_and_no_door(client, settings):
    settings.PROCONNECT_DISCOVERY_URL = ""
    for name in ("account-login", "account-signup"):
        assert "ProConnect" not in client.get(reverse(name)).content.decode()
    assert client.get(reverse("proconnect-login")).status_code == 404
    assert client.get(reverse("proconnect-callback")).status_code == 404


def test_when_configured_the_login_and_signup_pages_show_the_button(client, settings):
    settings.PROCONNECT_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    settings.OIDC_RP_CLIENT_ID = "client"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    for name in ("account-login", "account-signup"):
        page = client.get(reverse(name)).content.decode()
        assert "S’identifier avec" in page and "fr-connect__brand" in page
        assert "Qu’est-ce que ProConnect ?" in page
    # The provider cannot be reached: a French page, not a 500.
    response = client.get(reverse("proconnect-login"))
    assert response.status_code == 503
    assert "ProConnect est momentanément indisponible" in response.content.decode()


def test_the_refusal_page_explains_an_employer_outside_the_list(client):
    session = client.session
    session["proconnect_refusal"] = {"reason": "not_collectivite", "siret": "26440130200012"}
    session.save()
    page = client.get(reverse("proconnect-refused")).content.decode()
    assert "Votre employeur n'est pas une collectivité de la liste officielle" in page
    assert "SIREN 264401302" in page
    assert reverse("account-signup") in page
