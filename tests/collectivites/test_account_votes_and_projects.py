"""« Mon compte » shows the collectivité's ballot in each campaign (who, when, what)
and its registrations to projets partagés."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.collectivites.factories import CollectiviteFactory, RepresentativeFactory
from tests.votes.conftest import page_text
from tests.votes.factories import CampaignFactory, CandidateFactory, shared_project
from votes.models import ProjectRegistration
from votes.services import ballot_cast

pytestmark = pytest.mark.django_db


def test_the_ballot_of_each_campaign_with_its_voter_date_and_themes(client):
    collectivite = CollectiviteFactory(name="Bourg-Témoin")
    me = RepresentativeFactory(collectivite=collectivite, full_name="Anne Martin")
    colleague = RepresentativeFactory(collectivite=collectivite, full_name="Bruno Colin")
    old = CampaignFactory(
        title="Vote de 2025",
        opens_at=timezone.now() - datetime.timedelta(days=400),
        closes_at=timezone.now() + datetime.timedelta(days=1),
    )
    current = CampaignFactory(title="Vote de 2026")
    mobility = CandidateFactory(campaign=current, title="Droit à la mobilité")
    food = CandidateFactory(campaign=old, title="Précarité alimentaire")
    ballot_cast(representative=colleague, campaign=old, candidates=[food])
    ballot_cast(representative=me, campaign=current, candidates=[mobility])

    client.force_login(me.user)
    text = page_text(client.get(reverse("account-home")))
    assert "Les votes de votre collectivité" in text
    assert "Vote de 2026 Thèmes choisis : Droit à la mobilité." in text
    assert "Dernier vote par Anne Martin, le" in text
    assert "Vote de 2025 Thèmes choisis : Précarité alimentaire." in text
    assert "Dernier vote par Bruno Colin" in text
    assert text.index("Vote de 2026") < text.index("Vote de 2025")


def test_an_open_campaign_without_ballot_invites_to_vote(client):
    me = RepresentativeFactory()
    campaign = CampaignFactory(title="Vote ouvert")
    CandidateFactory(campaign=campaign)
    client.force_login(me.user)
    response = client.get(reverse("account-home"))
    assert "n'a pas encore voté" in page_text(response)
    assert reverse("votes:ballot", args=[campaign.slug]) in response.content.decode()


def test_the_registrations_to_projets_partages(client):
    me = RepresentativeFactory(full_name="Anne Martin")
    project = shared_project(title="Mobilité rurale partagée")
    ProjectRegistration.objects.create(
        project=project,
        collectivite=me.collectivite,
        role=ProjectRegistration.Role.STAKEHOLDER,
        slot=1,
        registered_by=me,
        registered_by_name="Anne Martin",
    )
    client.force_login(me.user)
    response = client.get(reverse("account-home"))
    text = page_text(response)
    assert "Mobilité rurale partagée — Partie prenante" in text
    assert "par Anne Martin" in text
    assert project.url in response.content.decode()


def test_a_pending_representative_sees_no_ballot(client):
    from collectivites.models import Representative

    me = RepresentativeFactory(status=Representative.Status.PENDING, approved_at=None)
    client.force_login(me.user)
    assert "Les votes de votre collectivité" not in page_text(client.get(reverse("account-home")))
