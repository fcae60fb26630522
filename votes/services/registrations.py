"""Collectivités joining a projet partagé as partie prenante or observatrice.

Places of parties prenantes are numbered 1..capacity and unique per project in
the database. Every change to a project's registrations first locks the project
row (``FOR UPDATE`` on PostgreSQL; SQLite serialises writers), so the count of
places taken, the waiting list and the promotions are decided one at a time:
the capacity is never exceeded, whatever the concurrency.
"""

import datetime

from django.db import connection
from django.utils import timezone

from collectivites.models import Representative
from core.mail import queue_email
from core.public_urls import public_url
from votes.cache import forget_home_summary
from votes.models import ProjectRegistration, SharedProjectPage

from .errors import VoteRefused, representative_refusal
from .transactions import retrying

Role = ProjectRegistration.Role
Status = ProjectRegistration.Status


def locked_project(project_id: int) -> SharedProjectPage:
    projects = SharedProjectPage.objects.all()
    if connection.features.has_select_for_update_of:
        # Lock our row only, not Wagtail's page row that editors save.
        projects = projects.select_for_update(of=("self",))
    else:
        projects = projects.select_for_update()
    return projects.get(pk=project_id)


def _free_slot(project: SharedProjectPage) -> int | None:
    taken = set(
        ProjectRegistration.objects.filter(project=project, slot__isnull=False).values_list(
            "slot", flat=True
        )
    )
    for slot in range(1, project.stakeholder_capacity + 1):
        if slot not in taken:
            return slot
    return None


def _email_context(registration: ProjectRegistration, project: SharedProjectPage) -> dict:
    waiting_position = None
    if registration.is_waiting:
        waiting_position = (
            ProjectRegistration.objects.waiting()
            .filter(project=project, created_at__lte=registration.created_at)
            .count()
        )
    return {
        "project": project.title,
        "project_url": public_url(project.url or "/"),
        "collectivite": str(registration.collectivite),
        "name": registration.registered_by_name,
        "role": str(registration.get_role_display()).lower(),
        "is_stakeholder": registration.role == Role.STAKEHOLDER,
        "waiting_position": waiting_position,
    }


def _recipients(registration: ProjectRegistration) -> list[str]:
    if registration.contact_email:
        return [registration.contact_email]
    return [
        rep.email
        for rep in registration.collectivite.representatives.filter(
            status=Representative.Status.ACTIVE
        )
    ]


def notify(template: str, registration: ProjectRegistration, project: SharedProjectPage):
    queue_email(
        f"votes/emails/{template}",
        _recipients(registration),
        _email_context(registration, project),
    )


def promote_waiting(project: SharedProjectPage, now: datetime.datetime) -> list:
    """Gives the free places to the waiting list, first come first served."""
    promoted = []
    for registration in ProjectRegistration.objects.waiting().filter(project=project):
        slot = _free_slot(project)
        if slot is None:
            break
        registration.status = Status.CONFIRMED
        registration.slot = slot
        registration.promoted_at = now
        registration.save(update_fields=["status", "slot", "promoted_at"])
        promoted.append(registration)
    for registration in promoted:
        notify("registration_promoted", registration, project)
    if promoted:
        forget_home_summary()  # the places left on the home page
    return promoted


def _register(
    representative: Representative, project_id: int, role: str, now: datetime.datetime
) -> ProjectRegistration:
    """Registers (or changes the role of) the collectivité, its project locked."""
    locked = locked_project(project_id)
    apply_due_departures_locked(locked, now)  # a place whose delay has passed is free
    if not locked.registrations_open:
        raise VoteRefused("Les inscriptions à ce projet partagé sont closes.")
    existing = (
        ProjectRegistration.objects.filter(
            project=locked, collectivite_id=representative.collectivite_id
        )
        .select_related("collectivite")
        .first()
    )
    if existing is not None and existing.role == role:
        return existing
    freed_place = existing is not None and existing.slot is not None
    if existing is not None:
        existing.delete()
    slot = _free_slot(locked) if role == Role.STAKEHOLDER else None
    registration = ProjectRegistration.objects.create(
        project=locked,
        collectivite_id=representative.collectivite_id,
        role=role,
        status=Status.WAITING if role == Role.STAKEHOLDER and slot is None else Status.CONFIRMED,
        slot=slot,
        registered_by=representative,
        registered_by_name=representative.full_name,
        contact_email=representative.email,
        created_at=now,
    )
    template = "registration_waiting" if registration.is_waiting else "registration_confirmed"
    notify(template, registration, locked)
    forget_home_summary()
    if freed_place:
        promote_waiting(locked, now)
    return registration


def registration_register(
    *,
    representative: Representative,
    project: SharedProjectPage,
    role: str,
    now: datetime.datetime | None = None,
) -> ProjectRegistration:
    """Registers the representative's collectivité (or changes its role).

    A partie prenante gets a place if one is free, else joins the waiting list.
    """
    refusal = representative_refusal(representative)
    if refusal:
        raise VoteRefused(refusal)
    if role not in Role.values:
        raise VoteRefused("Choisissez de participer comme partie prenante ou observatrice.")
    return retrying(lambda: _register(representative, project.pk, role, now or timezone.now()))


def _remove(registration_id: int, project_id: int, now: datetime.datetime) -> bool:
    locked = locked_project(project_id)
    registration = (
        ProjectRegistration.objects.filter(pk=registration_id, project=locked)
        .select_related("collectivite")
        .first()
    )
    if registration is None:
        return False
    remove_locked(registration, locked, now)
    return True


def remove_locked(
    registration: ProjectRegistration, project: SharedProjectPage, now: datetime.datetime
):
    """Deletes the registration of the locked project; the waiting list moves up."""
    freed_place = registration.slot is not None
    registration.delete()
    notify("registration_withdrawn", registration, project)
    forget_home_summary()
    if freed_place:
        promote_waiting(project, now)


def apply_due_departures_locked(project: SharedProjectPage, now: datetime.datetime) -> int:
    """The project's departures whose delay has passed (see ``departures``), its row
    already locked by the caller."""
    due = list(
        ProjectRegistration.objects.filter(project=project, leaving_at__lte=now)
        .select_related("collectivite")
        .order_by("leaving_at", "pk")
    )
    for registration in due:
        if registration.leaving_for == Role.OBSERVER:
            _become_observer(registration, project, now)
        else:
            remove_locked(registration, project, now)
    return len(due)


def _become_observer(
    registration: ProjectRegistration, project: SharedProjectPage, now: datetime.datetime
):
    freed_place = registration.slot is not None
    registration.role = Role.OBSERVER
    registration.status = Status.CONFIRMED
    registration.slot = None
    registration.leaving_at = None
    registration.leaving_for = ""
    registration.save(update_fields=["role", "status", "slot", "leaving_at", "leaving_for"])
    notify("registration_confirmed", registration, project)
    forget_home_summary()
    if freed_place:
        promote_waiting(project, now)


def registration_withdraw(
    *,
    representative: Representative,
    project: SharedProjectPage,
    now: datetime.datetime | None = None,
) -> bool:
    """Withdraws the collectivité from the project; its place goes to the waiting list."""
    refusal = representative_refusal(representative)
    if refusal:
        raise VoteRefused(refusal)
    registration = ProjectRegistration.objects.filter(
        project=project, collectivite_id=representative.collectivite_id
    ).first()
    if registration is None:
        return False
    return retrying(lambda: _remove(registration.pk, project.pk, now or timezone.now()))


def registration_cancel(
    *, registration: ProjectRegistration, now: datetime.datetime | None = None
) -> bool:
    """Staff remove a registration from the admin; the waiting list moves up."""
    return retrying(
        lambda: _remove(registration.pk, registration.project_id, now or timezone.now())
    )


def registrations_fill_places(
    *, project: SharedProjectPage, now: datetime.datetime | None = None
) -> list:
    """After the capacity was raised: promotes the waiting list into the new places."""
    return retrying(lambda: promote_waiting(locked_project(project.pk), now or timezone.now()))
