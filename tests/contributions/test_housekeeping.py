"""Unconfirmed proposals are forgotten; the home page invites to contribute."""

import datetime

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from contributions.models import Contribution
from contributions.tasks import purge_unconfirmed_contributions

from .factories import ContributionFactory
from .helpers import text

pytestmark = pytest.mark.django_db


def test_proposals_never_confirmed_are_forgotten_with_their_document():
    old = ContributionFactory(status=Contribution.Status.UNCONFIRMED)
    old.document.save("guide.pdf", ContentFile(b"%PDF-1.4"), save=True)
    stored = settings.CONTRIBUTION_UPLOAD_ROOT / old.document.name
    recent = ContributionFactory(status=Contribution.Status.UNCONFIRMED)
    confirmed = ContributionFactory()
    Contribution.objects.filter(pk__in=[old.pk, confirmed.pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    assert stored.exists()
    assert purge_unconfirmed_contributions() == 1
    assert set(Contribution.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
    assert not stored.exists()
    assert "contributions-purge-unconfirmed" in settings.CELERY_BEAT_SCHEDULE


def test_the_home_page_invites_collectivites_to_contribute_and_state_their_need(client):
    page = client.get("/")
    assert "Je suis une collectivité ou un partenaire et je souhaite contribuer" in text(page)
    html = page.content.decode()
    assert 'href="/contribuer/"' in html
    assert 'href="/besoin/"' in html
    assert client.get("/contribuer/").status_code == 200
