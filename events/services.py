"""Writes of the agenda: registrations on the site, with a capacity and a waiting list.

The capacity holds under concurrency: the date's row is locked
(``select_for_update``) while the places taken are counted and the new
registration saved, so two people can never both get the last place.
"""

from django.db import IntegrityError, transaction

from core.mail import queue_email
from core.public_urls import public_url

from .models import EventOccurrence, EventPage, EventRegistration, EventStatus, RegistrationStatus


class RegistrationClosed(Exception):
    """The date is over, cancelled, or full without a waiting list."""


def event_register(
    *, event: EventPage, occurrence_id: int, name: str, email: str, organisation: str = ""
) -> EventRegistration:
    """Register for one date: confirmed while places remain, then waiting (if the
    event keeps a waiting list), else ``RegistrationClosed``. Registering twice
    with the same e-mail returns the first registration."""
    with transaction.atomic():
        occurrence = EventOccurrence.objects.select_for_update().get(pk=occurrence_id, event=event)
        if not occurrence.can_add_to_calendar:
            raise RegistrationClosed
        existing = occurrence.registrations.filter(email__iexact=email).first()
        if existing is not None:
            return existing
        taken = occurrence.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        full = occurrence.status == EventStatus.FULL
        if not full and (event.capacity is None or taken < event.capacity):
            status = RegistrationStatus.CONFIRMED
        elif event.waiting_list:
            status = RegistrationStatus.WAITING
        else:
            raise RegistrationClosed
        try:
            with transaction.atomic():
                registration = EventRegistration.objects.create(
                    event=event,
                    occurrence=occurrence,
                    name=name,
                    email=email,
                    organisation=organisation,
                    status=status,
                )
        except IntegrityError:
            return occurrence.registrations.get(email=email)
    _send_confirmation(registration, event=event, occurrence=occurrence)
    return registration


def _send_confirmation(registration, *, event, occurrence) -> None:
    context = {
        "name": registration.name,
        "title": event.title,
        "when": occurrence.when,
        "place": event.place,
        "online_url": event.online_url,
        "waiting": registration.status == RegistrationStatus.WAITING,
        "url": public_url(event.url),
    }
    queue_email("events/emails/registration", [registration.email], context)
