"""Attack: getting validated without moderation. A representative waiting for
moderation (a stranger claiming to act for a collectivité) who was suspended then
reactivated used to come back validated, able to vote in that collectivité's name.
Reactivation now returns each account to the step it had reached."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from collectivites.models import Representative
from tests.collectivites.factories import RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client, settings):
    # The moderation notices go to the one moderation address: hers here.
    settings.MODERATION_EMAIL = "moderatrice@anct.gouv.fr"
    user = UserFactory(
        username="moderatrice@anct.gouv.fr", email="moderatrice@anct.gouv.fr", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


def suspend_then_reactivate(client, representative, capture) -> Representative:
    with capture(execute=True):
        client.post(f"/admin/representants/suspend/{representative.pk}/")
    representative.refresh_from_db()
    assert representative.status == Representative.Status.SUSPENDED
    mail.outbox = []
    with capture(execute=True):
        client.post(f"/admin/representants/reactivate/{representative.pk}/")
    representative.refresh_from_db()
    return representative


def test_a_pending_account_goes_back_to_moderation_not_to_validated(
    client, moderator, django_capture_on_commit_callbacks
):
    waiting = RepresentativeFactory(status=Representative.Status.PENDING, approved_at=None)

    back = suspend_then_reactivate(client, waiting, django_capture_on_commit_callbacks)

    assert back.status == Representative.Status.PENDING
    assert not back.can_act
    assert back.approved_at is None
    # The moderators see it in their queue again; the person is told nothing new.
    assert [m.to for m in mail.outbox] == [["moderatrice@anct.gouv.fr"]]
    approve = client.get("/admin/representants/", {"status": "pending"}).content.decode()
    assert f"/admin/representants/approve/{waiting.pk}/" in approve


def test_a_validated_account_is_validated_again(
    client, moderator, django_capture_on_commit_callbacks
):
    validated = RepresentativeFactory()
    back = suspend_then_reactivate(client, validated, django_capture_on_commit_callbacks)
    assert back.status == Representative.Status.ACTIVE
    assert back.can_act


def test_an_unconfirmed_account_must_still_confirm(
    client, moderator, django_capture_on_commit_callbacks
):
    unconfirmed = RepresentativeFactory(
        status=Representative.Status.UNCONFIRMED, email_confirmed_at=None, approved_at=None
    )
    back = suspend_then_reactivate(client, unconfirmed, django_capture_on_commit_callbacks)
    assert back.status == Representative.Status.UNCONFIRMED
    assert not back.can_act
