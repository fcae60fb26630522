"""A proposal with the link or the title of something already there is flagged to moderators."""

import pytest

from contributions.models import Contribution
from contributions.selectors import contribution_find_duplicates
from tests.resources.factories import ResourceFactory
from tests.themes.factories import ProjectPageFactory
from themes.models import ProjectIndexPage

from .factories import ContributionFactory
from .helpers import project_data, resource_data, submit_and_confirm

pytestmark = pytest.mark.django_db


def test_the_same_link_as_a_published_resource_is_flagged(
    client, moderator_client, django_capture_on_commit_callbacks
):
    resource = ResourceFactory(url="https://www.ressources.example.org/budgets-participatifs/")
    contribution = submit_and_confirm(
        client,
        "ressource",
        django_capture_on_commit_callbacks,
        title="Un tout autre titre",
        url="http://ressources.example.org/budgets-participatifs",
    )
    assert contribution.flagged_duplicate
    [match] = contribution_find_duplicates(contribution=contribution)
    assert match.reason == "même lien"
    assert match.url == resource.get_absolute_url()
    html = moderator_client.get(f"/admin/contributions/inspect/{contribution.pk}/").content.decode()
    assert "Doublon possible" in html
    assert resource.get_absolute_url() in html


def test_a_title_differing_only_by_case_and_accents_is_flagged(
    client, django_capture_on_commit_callbacks
):
    ResourceFactory(title="Élus et habitants : le guide de la concertation")
    contribution = submit_and_confirm(
        client,
        "ressource",
        django_capture_on_commit_callbacks,
        title="ELUS ET HABITANTS, le guide de la CONCERTATION",
        url="https://autre.example.org/guide",
    )
    assert contribution.flagged_duplicate
    assert [m.reason for m in contribution_find_duplicates(contribution=contribution)] == [
        "même titre"
    ]


def test_a_project_already_published_under_the_same_title_is_flagged(
    client, django_capture_on_commit_callbacks
):
    index = ProjectIndexPage.objects.get()
    ProjectPageFactory(parent=index, title="Le Conseil des enfants de Saint-Herblain")
    contribution = submit_and_confirm(
        client, "projet", django_capture_on_commit_callbacks, **{"url": ""}
    )
    assert contribution.flagged_duplicate
    [match] = contribution_find_duplicates(contribution=contribution)
    assert match.what == "projet publié"


def test_another_proposal_with_the_same_link_is_flagged_and_can_be_marked_duplicate(
    client, moderator_client, django_capture_on_commit_callbacks
):
    first = ContributionFactory(url="https://ressources.example.org/budgets-participatifs")
    capture = django_capture_on_commit_callbacks
    second = submit_and_confirm(client, "ressource", capture, **resource_data(title="Autre"))
    assert second.flagged_duplicate
    [match] = contribution_find_duplicates(contribution=second)
    assert first.reference in match.what

    form = moderator_client.get(f"/admin/contributions/duplicate/{second.pk}/").content.decode()
    assert "Proposition" in form  # prefilled with what it duplicates
    with capture(execute=True):
        moderator_client.post(
            f"/admin/contributions/duplicate/{second.pk}/",
            {"duplicate_of": first.title, "reason": "Déjà proposée par un partenaire."},
        )
    second.refresh_from_db()
    assert second.status == Contribution.Status.DUPLICATE
    from django.core import mail

    assert "Déjà proposée par un partenaire." in mail.outbox[-1].body
    assert first.title in mail.outbox[-1].body


def test_a_new_title_and_link_are_not_flagged(client, django_capture_on_commit_callbacks):
    contribution = submit_and_confirm(
        client, "projet", django_capture_on_commit_callbacks, **project_data(title="Inédit")
    )
    assert not contribution.flagged_duplicate
    assert contribution_find_duplicates(contribution=contribution) == []


def test_the_unconfirmed_proposals_are_not_compared(db):
    ContributionFactory(title="Même titre", status=Contribution.Status.UNCONFIRMED)
    other = ContributionFactory(title="Même titre")
    assert contribution_find_duplicates(contribution=other) == []
