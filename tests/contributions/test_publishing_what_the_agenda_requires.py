"""An online event proposed without its link is refused by the form, and one stored
before that rule is not published into an error page: the moderator is told why."""

import datetime

import pytest
from django.utils import timezone

from contributions.models import Contribution
from contributions.services import ModerationError, contribution_approve
from tests.collectivites.factories import UserFactory

from .factories import ContributionFactory

pytestmark = pytest.mark.django_db


def test_an_online_event_without_its_link_cannot_be_published(home):
    start = timezone.now() + datetime.timedelta(days=10)
    contribution = ContributionFactory(
        kind=Contribution.Kind.EVENT,
        start=start,
        end=start + datetime.timedelta(hours=2),
        event_format="en_ligne",
        online_url="",
        registration_url="https://inscription.example.org/",
    )
    with pytest.raises(ModerationError) as refused:
        contribution_approve(contribution=contribution, moderator=UserFactory(is_staff=True))
    assert "Indiquez le lien de connexion ou de diffusion" in refused.value.message
    contribution.refresh_from_db()
    assert contribution.status != Contribution.Status.PUBLISHED
