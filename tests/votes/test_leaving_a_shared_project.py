"""Leaving a projet partagé, or giving up a place for the observatrices, is confirmed on
a page that says what becomes of the place, and can be undone for a while without
losing it."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tests.collectivites.factories import RepresentativeFactory
from tests.votes.conftest import page_text
from tests.votes.factories import shared_project
from votes.models import ProjectRegistration
from votes.services import (
    DEPARTURE_DELAY,
    registration_register,
    registrations_apply_due_departures,
)

pytestmark = pytest.mark.django_db
LATER = DEPARTURE_DELAY + datetime.timedelta(minutes=1)


@pytest.fixture
def full_project(db):
    """Three places, all taken, and a collectivité waiting."""
    project = shared_project(capacity=3)
    reps = RepresentativeFactory.create_batch(4)
    for rep in reps:
        registration_register(representative=rep, project=project, role="stakeholder")
    return project, reps


def registration(rep):
    return ProjectRegistration.objects.filter(collectivite=rep.collectivite).first()


def test_leaving_asks_first_and_says_who_gets_the_place(client, full_project):
    project, (first, *_, waiting) = full_project
    client.force_login(first.user)
    response = client.post(project.url, {"action": "withdraw"})
    text = page_text(response)
    assert f"{first.collectivite} quitterait le projet partagé : confirmez-vous ?" in text
    assert (
        f"La place n° 1 de partie prenante serait libérée : elle ira à "
        f"{waiting.collectivite}, première de la liste d'attente." in text
    )
    assert "15 minutes après votre confirmation" in text
    assert registration(first).leaving_at is None  # nothing changed yet


def test_a_confirmed_departure_keeps_the_place_until_it_takes_effect(client, full_project):
    project, (first, *_, waiting) = full_project
    client.force_login(first.user)
    response = client.post(project.url, {"action": "withdraw", "confirm": "1"}, follow=True)
    text = page_text(response)
    assert "D'ici là, vous pouvez l'annuler sur cette page sans perdre votre place." in text
    assert f"{first.collectivite} quittera le projet le" in text
    assert registration(first).slot == 1
    assert registration(waiting).is_waiting


def test_undoing_within_the_delay_keeps_the_place(client, full_project):
    project, (first, *_, waiting) = full_project
    client.force_login(first.user)
    client.post(project.url, {"action": "withdraw", "confirm": "1"})
    response = client.post(project.url, {"action": "undo"}, follow=True)
    assert f"C'est annulé : {first.collectivite} garde sa place" in page_text(response)
    registrations_apply_due_departures(now=timezone.now() + LATER)
    assert registration(first).slot == 1
    assert registration(waiting).is_waiting


def test_after_the_delay_the_place_goes_to_the_waiting_list(
    client, full_project, django_capture_on_commit_callbacks
):
    project, (first, *_, waiting) = full_project
    client.force_login(first.user)
    client.post(project.url, {"action": "withdraw", "confirm": "1"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert registrations_apply_due_departures(now=timezone.now() + LATER) == 1
    assert registration(first) is None
    assert (registration(waiting).status, registration(waiting).slot) == ("confirmed", 1)
    assert {tuple(m.to) for m in mail.outbox} >= {(first.email,), (waiting.email,)}
    assert registrations_apply_due_departures(now=timezone.now() + LATER) == 0  # once


def test_undoing_too_late_says_so(client, full_project):
    project, (first, *_) = full_project
    client.force_login(first.user)
    client.post(project.url, {"action": "withdraw", "confirm": "1"})
    ProjectRegistration.objects.filter(collectivite=first.collectivite).update(
        leaving_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.post(project.url, {"action": "undo"}, follow=True)
    assert "Le délai pour annuler est passé" in page_text(response)


def test_becoming_observatrice_gives_up_the_place_after_the_delay(client, full_project):
    project, (first, *_, waiting) = full_project
    client.force_login(first.user)
    response = client.post(project.url, {"action": "register", "role": "observer"})
    assert f"{first.collectivite} deviendrait observatrice : confirmez-vous ?" in page_text(
        response
    )
    client.post(project.url, {"action": "register", "role": "observer", "confirm": "1"})
    assert registration(first).role == "stakeholder"
    registrations_apply_due_departures(now=timezone.now() + LATER)
    assert (registration(first).role, registration(first).slot) == ("observer", None)
    assert registration(waiting).slot == 1


def test_a_newcomer_gets_a_place_whose_delay_has_passed_before_the_task_ran(full_project):
    project, (first, *_) = full_project
    client_rep = RepresentativeFactory()
    ProjectRegistration.objects.filter(collectivite=first.collectivite).update(
        leaving_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    # The waiting collectivité is first in line; the newcomer joins the list after it.
    newcomer = registration_register(representative=client_rep, project=project, role="stakeholder")
    assert registration(first) is None
    assert newcomer.is_waiting
    assert ProjectRegistration.objects.filter(project=project).stakeholders().count() == 3
