"""The capacity of an event holds when many people register at the same time
(PostgreSQL: the date's row is locked while the places are counted)."""

import threading

import pytest
from django.db import connection, connections

from events.models import EventIndexPage, EventRegistration
from events.services import RegistrationClosed, event_register
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
