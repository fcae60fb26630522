"""Writes of the agenda: registrations on the site, with a capacity and a waiting list.

The capacity holds under concurrency: the date's row is locked
(``select_for_update``) while the places taken are counted and a registration
saved, cancelled or promoted from the waiting list, so two people can never
both get the last place, nor two cancellations promote the same person twice.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.mail import queue_email
from core.public_urls import public_url
from core.signed_links import SignedLink

from .models import EventOccurrence, EventPage, EventRegistration, EventStatus, RegistrationStatus

# The cancel link of the e-mails: valid as long as the registration (its token signed).
CANCEL_LINK = SignedLink("event-registration-cancel")


class RegistrationClosed(Exception):
    """The date is over, cancelled, or full without a waiting list."""


def _has_place(*, event: EventPage, occurrence: EventOccurrence) -> bool:
    if occurrence.status == EventStatus.FULL:
        return False
    taken = occurrence.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    return event.capacity is None or taken < event.capacity


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
        if existing is not None and existing.status != RegistrationStatus.CANCELLED:
            return existing
        if _has_place(event=event, occurrence=occurrence):
            status = RegistrationStatus.CONFIRMED
        elif event.waiting_list:
            status = RegistrationStatus.WAITING
        else:
            raise RegistrationClosed
        if existing is not None:  # cancelled, then registered again: the same row
            existing.name, existing.organisation, existing.status = name, organisation, status
            existing.created_at = timezone.now()  # at the end of the waiting list
            existing.save(update_fields=["name", "organisation", "status", "created_at"])
            registration = existing
        else:
            registration = _create(event, occurrence, name, email, organisation, status)
    _send_confirmation(registration, event=event, occurrence=occurrence)
    return registration


def _create(event, occurrence, name, email, organisation, status) -> EventRegistration:
    try:
        with transaction.atomic():
            return EventRegistration.objects.create(
                event=event,
                occurrence=occurrence,
                name=name,
                email=email,
                organisation=organisation,
                status=status,
            )
    except IntegrityError:
        return occurrence.registrations.get(email=email)


def event_registration_cancel_path(*, registration: EventRegistration) -> str:
    token = CANCEL_LINK.make(registration.pk, str(registration.token))
    return reverse("event-registration-cancel", args=[token])


def event_registration_from_link(*, token: str) -> EventRegistration:
    """The registration a cancel link designates; raises ``InvalidLink``."""
    return CANCEL_LINK.resolve(
        token,
        load=lambda pk: (
            EventRegistration.objects.select_related("event", "occurrence")
            .filter(pk=int(pk))
            .first()
        ),
        state=lambda registration: str(registration.token),
    )


def event_registration_cancel(*, registration_id: int) -> list[EventRegistration]:
    """Cancel a registration; a place freed goes to the first people of the
    waiting list, who are told by e-mail. Returns the people promoted."""
    with transaction.atomic():
        registration = EventRegistration.objects.select_related("event").get(pk=registration_id)
        occurrence = None
        if registration.occurrence_id:
            # The date first, as registering does: the same lock, in the same order.
            occurrence = EventOccurrence.objects.select_for_update().get(
                pk=registration.occurrence_id
            )
        registration = EventRegistration.objects.select_for_update().get(pk=registration_id)
        if registration.status == RegistrationStatus.CANCELLED:
            return []
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status"])
        event = registration.event
        promoted = []
        if occurrence is not None and event.waiting_list and occurrence.can_add_to_calendar:
            promoted = _promote(event=event, occurrence=occurrence)
    for person in promoted:
        _send_promotion(person, event=event, occurrence=occurrence)
    return promoted


def _promote(*, event: EventPage, occurrence: EventOccurrence) -> list[EventRegistration]:
    """The first people waiting get the places free, in the order they registered."""
    promoted = []
    waiting = occurrence.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "created_at", "pk"
    )
    for person in waiting.select_for_update():
        if not _has_place(event=event, occurrence=occurrence):
            break
        person.status = RegistrationStatus.CONFIRMED
        person.save(update_fields=["status"])
        promoted.append(person)
    return promoted


def _send_confirmation(registration, *, event, occurrence) -> None:
    context = {
        "name": registration.name,
        "title": event.title,
        "when": occurrence.when,
        "place": event.place,
        "online_url": event.online_url,
        "waiting": registration.status == RegistrationStatus.WAITING,
        "url": public_url(event.occurrence_url(occurrence)),
        "cancel_url": public_url(event_registration_cancel_path(registration=registration)),
    }
    queue_email("events/emails/registration", [registration.email], context)


def _send_promotion(registration, *, event, occurrence) -> None:
    context = {
        "name": registration.name,
        "title": event.title,
        "when": occurrence.when,
        "place": event.place,
        "online_url": event.online_url,
        "url": public_url(event.occurrence_url(occurrence)),
        "cancel_url": public_url(event_registration_cancel_path(registration=registration)),
    }
    queue_email("events/emails/promoted", [registration.email], context)
