"""Collectivités join a projet partagé: 3 to 5 parties prenantes, a waiting list,
unlimited observatrices, one registration per collectivité."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from tests.collectivites.factories import RepresentativeFactory
from tests.votes.conftest import page_text
from tests.votes.factories import shared_project
from votes.models import ProjectRegistration
from votes.services import (
    VoteRefused,
    registration_cancel,
    registration_register,
    registration_withdraw,
    registrations_fill_places,
)

pytestmark = pytest.mark.django_db
STAKEHOLDER, OBSERVER = "stakeholder", "observer"


@pytest.fixture
def project(db):
    return shared_project(capacity=3)


def register(representative, project, role=STAKEHOLDER):
    return registration_register(representative=representative, project=project, role=role)


def test_places_then_waiting_list_in_order(project):
    reps = RepresentativeFactory.create_batch(5)
    registrations = [register(rep, project) for rep in reps]
    assert [r.status for r in registrations] == ["confirmed"] * 3 + ["waiting"] * 2
    assert sorted(r.slot for r in registrations[:3]) == [1, 2, 3]
    assert ProjectRegistration.objects.filter(project=project).stakeholders().count() == 3


def test_a_freed_place_goes_to_the_first_waiting(project, django_capture_on_commit_callbacks):
    reps = RepresentativeFactory.create_batch(5)
    for rep in reps:
        register(rep, project)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert registration_withdraw(representative=reps[1], project=project)
    promoted = ProjectRegistration.objects.get(project=project, collectivite=reps[3].collectivite)
    assert (promoted.status, promoted.slot) == ("confirmed", 2)
    still_waiting = ProjectRegistration.objects.get(collectivite=reps[4].collectivite)
    assert still_waiting.status == "waiting"
    recipients = {tuple(m.to) for m in mail.outbox}
    assert (reps[3].email,) in recipients  # « une place s'est libérée »
    assert (reps[1].email,) in recipients  # withdrawal confirmed
    assert any("Une place s'est libérée" in m.subject for m in mail.outbox)


def test_observers_are_unlimited_and_confirmed_by_email(
    project, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registrations = [
            register(rep, project, OBSERVER) for rep in RepresentativeFactory.create_batch(8)
        ]
    assert all(r.status == "confirmed" and r.slot is None for r in registrations)
    assert len(mail.outbox) == 8
    assert "observatrice" in mail.outbox[0].body


def test_one_registration_per_collectivite(project):
    rep = RepresentativeFactory()
    colleague = RepresentativeFactory(collectivite=rep.collectivite)
    register(rep, project)
    register(colleague, project, OBSERVER)  # changes the role, no second registration
    registration = ProjectRegistration.objects.get(project=project)
    assert registration.role == OBSERVER
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectRegistration.objects.create(
            project=project, collectivite=rep.collectivite, role=OBSERVER
        )


def test_switching_to_observer_frees_the_place(project):
    reps = RepresentativeFactory.create_batch(4)
    for rep in reps:
        register(rep, project)
    register(reps[0], project, OBSERVER)
    assert ProjectRegistration.objects.get(collectivite=reps[3].collectivite).status == "confirmed"
    assert ProjectRegistration.objects.filter(project=project).stakeholders().count() == 3


def test_staff_removal_and_a_raised_capacity_promote_the_waiting_list(project):
    reps = RepresentativeFactory.create_batch(6)
    for rep in reps:
        register(rep, project)
    registration_cancel(
        registration=ProjectRegistration.objects.get(collectivite=reps[0].collectivite)
    )
    assert ProjectRegistration.objects.get(collectivite=reps[3].collectivite).status == "confirmed"

    # Publishing a raised capacity fills the new places at once.
    project.stakeholder_capacity = 5
    project.save_revision().publish()
    assert ProjectRegistration.objects.filter(project=project).stakeholders().count() == 5
    assert registrations_fill_places(project=project) == []
    assert not ProjectRegistration.objects.filter(project=project).waiting().exists()


def test_capacity_cannot_drop_below_the_places_taken(project):
    from django.core.exceptions import ValidationError

    for rep in RepresentativeFactory.create_batch(3):
        register(rep, project)
    project.stakeholder_capacity = 2
    with pytest.raises(ValidationError):
        project.full_clean()


def test_capacity_is_between_three_and_five(project):
    with pytest.raises(VoteRefused):
        from tests.votes.factories import CandidateFactory
        from votes.services import shared_project_create

        candidate = CandidateFactory()
        shared_project_create(campaign=candidate.campaign, winner=candidate, capacity=6)


def test_registering_from_the_page(client, project, representative):
    client.force_login(representative.user)
    response = client.post(project.url, {"action": "register", "role": STAKEHOLDER})
    assert response.status_code == 302
    page = page_text(client.get(project.url))
    assert (
        f"{representative.collectivite} participe à ce projet partagé comme partie prenante."
        in page
    )
    assert "Parties prenantes (1 sur 3 places)" in page

    # Leaving is confirmed on a page of its own (see test_leaving_a_shared_project).
    response = client.post(project.url, {"action": "withdraw"})
    assert response.status_code == 200
    assert "quitterait le projet partagé : confirmez-vous ?" in page_text(response)


def test_page_errors_are_explained(client, project, representative):
    client.force_login(representative.user)
    response = client.post(project.url, {"action": "register", "role": "chef"})
    assert response.status_code == 200
    assert "Choisissez partie prenante ou observatrice." in page_text(response)

    client.logout()
    response = client.post(project.url, {"action": "register", "role": STAKEHOLDER})
    assert response.status_code == 403
    assert not ProjectRegistration.objects.filter(project=project).exists()


def test_closed_registrations(project, representative):
    project.registrations_open = False
    project.save()
    with pytest.raises(VoteRefused):
        register(representative, project)


def test_shared_projects_are_found_by_the_site_search(client, project):
    from wagtail.search.backends import get_search_backend

    get_search_backend().add(project)
    response = client.get("/recherche/", {"q": "Projet partagé de test"})
    assert "Projets partagés" in page_text(response)
    assert project.title in page_text(response)
