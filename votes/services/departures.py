"""Leaving a projet partagé, or a partie prenante becoming observatrice, with a delay
to change one's mind.

A confirmed departure takes effect ``DEPARTURE_DELAY`` later (the beat task
``votes.tasks.apply_due_departures``, and any registration to the same project, apply
it). Until then the collectivité keeps its place, its rank on the waiting list, and can
undo it without losing either.
"""

import datetime

from django.utils import timezone

from collectivites.models import Representative
from votes.models import ProjectRegistration, SharedProjectPage
from votes.selectors import registration_of

from .errors import VoteRefused, representative_refusal
from .registrations import Role, apply_due_departures_locked, locked_project
from .transactions import retrying

DEPARTURE_DELAY = datetime.timedelta(minutes=15)


def registration_schedule_departure(
    *,
    representative: Representative,
    project: SharedProjectPage,
    become_observer: bool = False,
    now: datetime.datetime | None = None,
) -> ProjectRegistration | None:
    """The collectivité leaves (or becomes observatrice) ``DEPARTURE_DELAY`` from now."""
    _refuse_if_not_allowed(representative)
    now = now or timezone.now()

    def schedule():
        registration = registration_of(
            project=locked_project(project.pk), collectivite_id=representative.collectivite_id
        )
        if registration is None:
            return None
        registration.leaving_at = now + DEPARTURE_DELAY
        registration.leaving_for = Role.OBSERVER if become_observer else ""
        registration.save(update_fields=["leaving_at", "leaving_for"])
        return registration

    return retrying(schedule)


def registration_undo_departure(
    *,
    representative: Representative,
    project: SharedProjectPage,
    now: datetime.datetime | None = None,
) -> bool:
    """Cancels a departure that has not taken effect yet; False when it is too late."""
    _refuse_if_not_allowed(representative)
    now = now or timezone.now()

    def undo():
        registration = registration_of(
            project=locked_project(project.pk), collectivite_id=representative.collectivite_id
        )
        if registration is None or registration.leaving_at is None:
            return False
        if registration.leaving_at <= now:
            return False
        registration.leaving_at = None
        registration.leaving_for = ""
        registration.save(update_fields=["leaving_at", "leaving_for"])
        return True

    return retrying(undo)


def registrations_apply_due_departures(
    *, project_id: int | None = None, now: datetime.datetime | None = None
) -> int:
    """Applies every departure whose delay has passed; returns how many (idempotent)."""
    now = now or timezone.now()
    due = ProjectRegistration.objects.filter(leaving_at__lte=now)
    if project_id is not None:
        due = due.filter(project_id=project_id)
    applied = 0
    for pk in set(due.values_list("project_id", flat=True)):
        applied += retrying(lambda pk=pk: apply_due_departures_locked(locked_project(pk), now))
    return applied


def _refuse_if_not_allowed(representative: Representative):
    refusal = representative_refusal(representative)
    if refusal:
        raise VoteRefused(refusal)
