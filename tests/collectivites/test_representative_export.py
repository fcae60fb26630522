"""The representatives' export: verified accounts unless staff ask for every one, a
« Compte vérifié » column, French headings, and a file name that says which it is."""

import csv
import io

import pytest
from django.contrib.auth.models import Group

from collectivites.models import Representative

from .factories import CollectiviteFactory, RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/representants/"


@pytest.fixture
def moderator(client):
    user = UserFactory(username="moderatrice@anct.gouv.fr", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


@pytest.fixture
def accounts():
    commune = CollectiviteFactory(name="Rezé", departement="44")
    RepresentativeFactory(full_name="Valérie Validée", collectivite=commune, position="Maire")
    RepresentativeFactory(
        full_name="Paul Attente", status=Representative.Status.PENDING, approved_at=None
    )
    RepresentativeFactory(
        full_name="Ursule Inconfirmée",
        status=Representative.Status.UNCONFIRMED,
        email_confirmed_at=None,
        approved_at=None,
    )
    RepresentativeFactory(full_name="Sam Suspendu", status=Representative.Status.SUSPENDED)


NAMES = {"Valérie Validée", "Paul Attente", "Ursule Inconfirmée", "Sam Suspendu"}


def exported(client, **params) -> tuple[str, list[dict]]:
    """The file name, and the rows of these accounts (the demo has others)."""
    response = client.get(INDEX, {"export": "csv", **params})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(content), delimiter=";")
    return response["Content-Disposition"], [r for r in rows if r["Nom et prénom"] in NAMES]


def test_the_export_leaves_unverified_accounts_out_and_says_so(client, moderator, accounts):
    disposition, rows = exported(client)

    assert 'filename="representants-comptes-verifies.csv"' in disposition
    assert {row["Nom et prénom"]: row["Compte vérifié"] for row in rows} == {
        "Valérie Validée": "oui",
        "Sam Suspendu": "oui",
    }
    valerie = next(row for row in rows if row["Nom et prénom"] == "Valérie Validée")
    assert valerie["Collectivité"] == "Rezé (44)"
    assert valerie["Statut"] == "Validé"
    assert valerie["Poste ou mandat"] == "Maire"


def test_every_account_when_asked(client, moderator, accounts):
    disposition, rows = exported(client, comptes="tous")

    assert 'filename="representants-tous-les-comptes.csv"' in disposition
    assert {row["Nom et prénom"]: (row["Statut"], row["Compte vérifié"]) for row in rows} == {
        "Valérie Validée": ("Validé", "oui"),
        "Paul Attente": ("En attente de validation", "non"),
        "Ursule Inconfirmée": ("Adresse e-mail à confirmer", "non"),
        "Sam Suspendu": ("Suspendu", "oui"),
    }


def test_the_export_follows_the_listing_filters(client, moderator, accounts):
    _disposition, rows = exported(client, comptes="tous", status="pending")

    assert [row["Nom et prénom"] for row in rows] == ["Paul Attente"]


def test_the_listing_offers_both_exports_and_still_shows_pending_accounts(
    client, moderator, accounts
):
    page = client.get(INDEX).content.decode()

    assert "Paul Attente" in page
    assert "Télécharger les comptes vérifiés (CSV)" in page
    assert "Télécharger tous les comptes, en attente compris (XLSX)" in page
    assert "comptes=tous" in page
