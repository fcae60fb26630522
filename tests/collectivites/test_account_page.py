"""« Mon compte »: the collectivité, the status in plain French, the colleagues."""

import pytest
from django.urls import reverse

from collectivites.models import Representative

from .factories import CollectiviteFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db


def page_of(client, representative):
    client.force_login(representative.user)
    return client.get(reverse("account-home")).content.decode()


def test_an_active_representative_sees_the_collectivite_and_the_colleagues(client):
    collectivite = CollectiviteFactory(name="Bourg-Témoin")
    me = RepresentativeFactory(collectivite=collectivite, full_name="Anne Martin")
    RepresentativeFactory(collectivite=collectivite, full_name="Bruno Colin", position="Maire")
    RepresentativeFactory(
        collectivite=collectivite, full_name="Chloé Attente", status=Representative.Status.PENDING
    )
    RepresentativeFactory(full_name="Denis Ailleurs")
    page = page_of(client, me)
    assert "Bourg-Témoin (69)" in page
    assert f"code INSEE {collectivite.code}" in page
    assert "Votre compte est validé" in page
    assert "Bruno Colin — Agent ou agente, Maire" in page
    assert "Chloé Attente" not in page  # not validated
    assert "Denis Ailleurs" not in page  # another collectivité


def test_a_pending_representative_does_not_see_the_colleagues_yet(client):
    collectivite = CollectiviteFactory()
    RepresentativeFactory(collectivite=collectivite, full_name="Bruno Colin")
    me = RepresentativeFactory(collectivite=collectivite, status=Representative.Status.PENDING)
    page = page_of(client, me)
    assert "Votre compte attend d'être validé" in page
    assert "Bruno Colin" not in page
    assert "La liste des autres représentants" in page


def test_an_unconfirmed_representative_is_offered_a_new_link(client):
    me = RepresentativeFactory(status=Representative.Status.UNCONFIRMED, email_confirmed_at=None)
    page = page_of(client, me)
    assert "Confirmez votre adresse e-mail" in page
    assert reverse("account-resend-confirmation") in page


def test_the_page_costs_the_same_whatever_the_number_of_colleagues(
    client, django_assert_max_num_queries
):
    collectivite = CollectiviteFactory()
    me = RepresentativeFactory(collectivite=collectivite)
    client.force_login(me.user)
    RepresentativeFactory(collectivite=collectivite)
    with django_assert_max_num_queries(50) as few:
        client.get(reverse("account-home"))
    RepresentativeFactory.create_batch(10, collectivite=collectivite)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("account-home")).content.decode()
    assert page.count("— Agent ou agente") == 11
