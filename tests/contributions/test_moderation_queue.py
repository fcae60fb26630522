"""The moderation queue in the admin: who sees it, filters, actions, query budget."""

import datetime

import pytest
from django.utils import timezone

from contributions.models import Contribution
from tests.collectivites.factories import UserFactory

from .factories import ContributionFactory

pytestmark = pytest.mark.django_db


def test_the_queue_lists_confirmed_proposals_only(moderator_client):
    ContributionFactory(title="Proposition confirmée")
    ContributionFactory(title="Proposition non confirmée", status=Contribution.Status.UNCONFIRMED)
    html = moderator_client.get("/admin/contributions/").content.decode()
    assert "Proposition confirmée" in html
    assert "Proposition non confirmée" not in html


def test_the_queue_filters_by_kind_status_and_date(moderator_client):
    ContributionFactory(title="Un guide", kind=Contribution.Kind.RESOURCE)
    ContributionFactory(title="Une rencontre", kind=Contribution.Kind.EVENT)
    ContributionFactory(title="Une ancienne", status=Contribution.Status.DECLINED)
    Contribution.objects.filter(title="Une ancienne").update(
        created_at=timezone.now() - datetime.timedelta(days=60)
    )
    html = moderator_client.get("/admin/contributions/?kind=evenement").content.decode()
    assert "Une rencontre" in html and "Un guide" not in html
    html = moderator_client.get("/admin/contributions/?status=declined").content.decode()
    assert "Une ancienne" in html and "Un guide" not in html
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    html = moderator_client.get(f"/admin/contributions/?created_at_from={since}").content.decode()
    assert "Un guide" in html and "Une ancienne" not in html
    junk = moderator_client.get("/admin/contributions/?created_at_from=x%00&kind=nope&status=zz")
    assert junk.status_code == 200


def test_the_queue_costs_the_same_queries_whatever_its_length(
    moderator_client, django_assert_max_num_queries
):
    ContributionFactory.create_batch(2)
    with django_assert_max_num_queries(100) as baseline:
        moderator_client.get("/admin/contributions/")
    ContributionFactory.create_batch(30, flagged_duplicate=True)
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = moderator_client.get("/admin/contributions/")
    assert response.content.decode().count("Doublon possible") >= 30


def test_moderators_cannot_create_proposals_in_the_admin(moderator_client, admin_client):
    assert moderator_client.get("/admin/contributions/new/").status_code in (302, 403)
    assert admin_client.get("/admin/contributions/new/").status_code in (302, 403)


def test_people_outside_the_moderators_cannot_see_or_decide(client, db):
    contribution = ContributionFactory()
    editor = UserFactory(username="editrice", is_staff=True)
    from django.contrib.auth.models import Group, Permission

    editor.groups.add(Group.objects.get(name="Editors"))
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(f"/admin/contributions/inspect/{contribution.pk}/").status_code in (302, 403)
    response = client.post(f"/admin/contributions/approve/{contribution.pk}/")
    assert response.status_code in (302, 403)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.RECEIVED


def test_a_decided_proposal_cannot_be_decided_again(
    moderator_client, django_capture_on_commit_callbacks
):
    contribution = ContributionFactory(
        status=Contribution.Status.DECLINED, decline_reason="Hors sujet"
    )
    moderator_client.post(f"/admin/contributions/approve/{contribution.pk}/")
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.DECLINED
    assert contribution.published_resource is None
    assert moderator_client.get(f"/admin/contributions/edit/{contribution.pk}/").status_code == 404


def test_taking_a_proposal_shows_it_in_review(moderator_client):
    contribution = ContributionFactory()
    moderator_client.post(f"/admin/contributions/take/{contribution.pk}/")
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.IN_REVIEW


def test_unknown_ids_are_not_found(moderator_client):
    for url in [
        "/admin/contributions/inspect/999999/",
        "/admin/contributions/edit/999999/",
        "/admin/contributions/decline/999999/",
        "/admin/contributions/document/999999/",
    ]:
        assert moderator_client.get(url).status_code == 404, url
    assert moderator_client.post("/admin/contributions/approve/999999/").status_code == 404


def test_the_admin_dashboard_counts_what_awaits_moderators(moderator_client):
    from .factories import NeedRequestFactory

    ContributionFactory.create_batch(2)
    ContributionFactory(status=Contribution.Status.IN_REVIEW)
    ContributionFactory(status=Contribution.Status.PUBLISHED)
    NeedRequestFactory()
    html = moderator_client.get("/admin/").content.decode()
    assert "3 contributions à modérer" in html
    assert (
        "1 demande d&#x27;accompagnement nouvelle" in html or "1 demande d'accompagnement" in html
    )
