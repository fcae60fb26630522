"""A theme proposal's notice goes to the one moderation address (``MODERATION_EMAIL``),
not to the site's contact address."""

import pytest
from django.core import mail

from core.models import SiteSettings
from votes.services import candidate_propose

pytestmark = pytest.mark.django_db


def test_the_notice_of_a_proposal_goes_to_the_moderation_address(
    campaign, representative, settings, django_capture_on_commit_callbacks
):
    settings.MODERATION_EMAIL = "moderation@anct.example.gouv.fr"
    site_settings = SiteSettings.load()
    site_settings.contact_email = "contact@territoires-en-commun.fr"
    site_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        candidate_propose(representative=representative, campaign=campaign, title="Accès aux soins")
    recipients = [message.to for message in mail.outbox]
    assert [representative.email] in recipients
    assert ["moderation@anct.example.gouv.fr"] in recipients
    assert not any("contact@territoires-en-commun.fr" in to for to in recipients)
    [notice] = [m for m in mail.outbox if m.to == ["moderation@anct.example.gouv.fr"]]
    assert "Accès aux soins" in notice.body
    assert "/admin/votes/propositions/edit/" in notice.body
