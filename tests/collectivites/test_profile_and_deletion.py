"""Changing one's name and role; deleting one's account, the ballot staying the
collectivité's."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from collectivites.models import Representative
from tests.collectivites.factories import RepresentativeFactory, UserFactory
from tests.votes.conftest import page_text
from tests.votes.factories import CampaignFactory, CandidateFactory
from votes.models import Ballot
from votes.services import ballot_cast

pytestmark = pytest.mark.django_db


def test_editing_ones_name_and_role(client):
    me = RepresentativeFactory(full_name="Anne Martin", role=Representative.Role.AGENT)
    client.force_login(me.user)
    form = client.get(reverse("account-profile"))
    assert 'value="Anne Martin"' in form.content.decode()
    response = client.post(
        reverse("account-profile"),
        {"full_name": "Anne Martin-Leroy", "role": "elu", "position": "Adjointe au maire"},
        follow=True,
    )
    assert "Vos informations sont enregistrées." in page_text(response)
    me.refresh_from_db()
    assert (me.full_name, me.role, me.position) == ("Anne Martin-Leroy", "elu", "Adjointe au maire")


def test_a_bad_profile_says_why_in_french_and_keeps_what_was_typed(client):
    me = RepresentativeFactory(full_name="Anne Martin")
    client.force_login(me.user)
    response = client.post(
        reverse("account-profile"), {"full_name": "", "role": "maire", "position": "Adjointe"}
    )
    text = page_text(response)
    assert response.status_code == 200
    assert "Indiquez votre prénom et votre nom." in text
    assert "Indiquez si vous êtes élu ou agent de la collectivité." in text
    assert 'value="Adjointe"' in response.content.decode()
    me.refresh_from_db()
    assert me.full_name == "Anne Martin"


def test_deleting_asks_for_confirmation(client):
    me = RepresentativeFactory()
    client.force_login(me.user)
    assert "Supprimer définitivement mon compte" in page_text(client.get(reverse("account-delete")))
    response = client.post(reverse("account-delete"), {})
    assert "Cochez cette case pour confirmer" in page_text(response)
    assert Representative.objects.filter(pk=me.pk).exists()


def test_deleting_the_account_keeps_the_collectivites_ballot(client):
    me = RepresentativeFactory(full_name="Anne Martin")
    campaign = CampaignFactory()
    theme = CandidateFactory(campaign=campaign)
    ballot_cast(representative=me, campaign=campaign, candidates=[theme])
    client.force_login(me.user)
    response = client.post(reverse("account-delete"), {"confirmation": "on"}, follow=True)
    assert "Votre compte est supprimé." in page_text(response)
    assert not Representative.objects.filter(pk=me.pk).exists()
    assert not get_user_model().objects.filter(pk=me.user_id).exists()
    ballot = Ballot.objects.get(campaign=campaign, collectivite=me.collectivite)
    assert ballot.voter is None and ballot.voter_name == "Anne Martin"
    assert list(ballot.candidates.all()) == [theme]
    # Logged out.
    assert client.get(reverse("account-home")).status_code == 302


def test_a_staff_account_is_not_deleted_from_the_public_page(client):
    me = RepresentativeFactory(user=UserFactory(is_staff=True))
    client.force_login(me.user)
    response = client.post(reverse("account-delete"), {"confirmation": "on"})
    assert response.status_code == 403
    assert "un administrateur doit le supprimer" in page_text(response)
    assert Representative.objects.filter(pk=me.pk).exists()
