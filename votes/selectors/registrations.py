"""Reads of the projet partagé registrations: a collectivité's own, and what a change
of role or a departure would do to the places."""

from dataclasses import dataclass

from votes.models import ProjectRegistration, SharedProjectPage

Role = ProjectRegistration.Role


def registration_of(*, project: SharedProjectPage, collectivite_id: int):
    return (
        ProjectRegistration.objects.filter(project=project, collectivite_id=collectivite_id)
        .select_related("collectivite")
        .first()
    )


@dataclass(frozen=True)
class Consequence:
    """What a confirmed change does: its title, and what becomes of the place."""

    title: str
    place: str
    delayed: bool  # given up after a delay, during which it can be undone


def departure_consequence(
    *, registration: ProjectRegistration, new_role: str | None
) -> Consequence:
    """``new_role`` None: the collectivité leaves the project."""
    collectivite = registration.collectivite
    if new_role == Role.STAKEHOLDER:
        return Consequence(
            title=f"{collectivite} deviendrait partie prenante",
            place=_joining(registration.project),
            delayed=False,
        )
    title = (
        f"{collectivite} quitterait le projet partagé"
        if new_role is None
        else f"{collectivite} deviendrait observatrice"
    )
    return Consequence(title=title, place=_given_up(registration), delayed=True)


def _joining(project: SharedProjectPage) -> str:
    taken = ProjectRegistration.objects.filter(project=project).stakeholders().count()
    if taken < project.stakeholder_capacity:
        return "Une place de partie prenante est libre : elle serait la vôtre aussitôt."
    waiting = ProjectRegistration.objects.filter(project=project).waiting().count()
    return (
        "Toutes les places de parties prenantes sont prises : votre collectivité "
        f"rejoindrait la liste d'attente, en position {waiting + 1}."
    )


def _given_up(registration: ProjectRegistration) -> str:
    if registration.role == Role.OBSERVER:
        return "Votre collectivité ne recevra plus les nouvelles du projet comme observatrice."
    if registration.is_waiting:
        return (
            "Votre collectivité quitterait la liste d'attente des parties prenantes "
            "et perdrait son rang."
        )
    first_waiting = (
        ProjectRegistration.objects.filter(project=registration.project)
        .waiting()
        .select_related("collectivite")
        .first()
    )
    heir = (
        f"elle ira à {first_waiting.collectivite}, première de la liste d'attente"
        if first_waiting
        else "elle restera libre pour une autre collectivité"
    )
    return f"La place n° {registration.slot} de partie prenante serait libérée : {heir}."
