"""The capacity of an event holds when many people register at the same time
(PostgreSQL: the date's row is locked while the places are counted)."""

import threading

import pytest
from django.db import connection, connections

from events.models import EventIndexPage, EventRegistration
from events.services import RegistrationClosed, event_register, event_registration_cancel
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 12
CAPACITY = 5


def test_the_last_place_is_given_once():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises writers anyway")
    agenda = EventIndexPage.objects.get()
    event = EventPageFactory(
        parent=agenda, registration_mode="site", capacity=CAPACITY, waiting_list=False
    )
    occurrence_id = event.occurrences.get().pk
    barrier = threading.Barrier(PEOPLE)
    outcomes = []

    def attempt(number: int):
        try:
            barrier.wait()
            event_register(
                event=event,
                occurrence_id=occurrence_id,
                name=f"Personne {number}",
                email=f"personne{number}@example.org",
            )
            outcomes.append("registered")
        except RegistrationClosed:
            outcomes.append("closed")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("registered") == CAPACITY
    assert outcomes.count("closed") == PEOPLE - CAPACITY
    assert EventRegistration.objects.filter(event=event, status="confirmed").count() == CAPACITY


def test_places_freed_at_the_same_time_go_to_the_first_people_waiting():
    """Two cancellations and two new registrations at once: the two first people
    waiting get the places, once each; the newcomers wait behind them."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises writers anyway")
    agenda = EventIndexPage.objects.get()
    event = EventPageFactory(parent=agenda, registration_mode="site", capacity=2, waiting_list=True)
    occurrence_id = event.occurrences.get().pk
    people = [
        event_register(
            event=event, occurrence_id=occurrence_id, name=f"P{n}", email=f"p{n}@example.org"
        )
        for n in range(5)
    ]
    barrier = threading.Barrier(4)

    def cancel(registration):
        try:
            barrier.wait()
            event_registration_cancel(registration_id=registration.pk)
        finally:
            connections.close_all()

    def newcomer(number: int):
        try:
            barrier.wait()
            event_register(
                event=event,
                occurrence_id=occurrence_id,
                name=f"N{number}",
                email=f"n{number}@example.org",
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cancel, args=(people[n],)) for n in range(2)]
    threads += [threading.Thread(target=newcomer, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = dict(EventRegistration.objects.filter(event=event).values_list("email", "status"))
    confirmed = sorted(email for email, status in statuses.items() if status == "confirmed")
    assert confirmed == ["p2@example.org", "p3@example.org"]
    assert statuses["p4@example.org"] == statuses["n0@example.org"] == "waiting"
    assert statuses["n1@example.org"] == "waiting"
