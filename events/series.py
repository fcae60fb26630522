"""An event's dates: one, or a series (RFC 5545 rule), each with its status,
postponements included. Mixed into ``EventPage``; the dates are stored as
``EventOccurrence`` rows for the agenda, the feeds and the API."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from . import dates, occurrences
from .choices import EventStatus
from .occurrence_models import EventOccurrence


class SeriesMixin(models.Model):
    previous_start = models.DateTimeField(
        "date initialement prévue",
        null=True,
        blank=True,
        help_text=(
            "Pour un événement reporté : le début annoncé d'abord (le champ « début » porte "
            "la nouvelle date). Laisser vide tant que la nouvelle date n'est pas connue."
        ),
    )
    recurrence_rule = models.CharField(
        "règle de récurrence",
        max_length=250,
        blank=True,
        help_text=(
            "Pour une série, au format RRULE (RFC 5545), à partir du début ci-dessus. Par "
            "exemple « FREQ=MONTHLY;BYDAY=2TU;COUNT=6 » : six deuxièmes mardis du mois."
        ),
    )

    class Meta:
        abstract = True

    def date_errors(self) -> dict[str, str]:
        """Every problem of the dates, the series and the postponement at once."""
        errors = {}
        today = timezone.localdate()
        for name, which in (("start", "de début"), ("end", "de fin")):
            moment = getattr(self, name)
            # The year as entered: converting year 9999 to Paris time could overflow.
            if moment and (problem := dates.year_problem(moment, today=today, which=which)):
                errors[name] = problem
        if not errors and self.start and self.end and self.end < self.start:
            errors["end"] = "La fin de l'événement doit venir après son début."
        if self.previous_start and self.status != EventStatus.POSTPONED:
            errors["previous_start"] = (
                "La date initialement prévue ne vaut que pour un événement reporté : "
                "choisissez le statut « Reporté » ou laissez ce champ vide."
            )
        elif self.previous_start and self.start and self.previous_start == self.start:
            errors["previous_start"] = (
                "Indiquez la nouvelle date dans « début » : elle est ici la même que la date "
                "initialement prévue."
            )
        if self.recurrence_rule:
            try:
                occurrences.parse_rule(self.recurrence_rule)
            except ValueError as error:
                errors["recurrence_rule"] = str(error)
        return errors

    # -- occurrences -------------------------------------------------------------

    def expand(self) -> list[occurrences.Occurrence]:
        """The dates of the event as edited (also in a preview), in date order."""
        return occurrences.expand(self, changes=self.occurrence_changes.all())

    def rebuild_occurrences(self) -> None:
        """Store the dates, keeping each one's row (and its registrations) by its key."""
        existing = {row.key if self.recurrence_rule else "": row for row in self.occurrences.all()}
        kept = set()
        for occurrence in self.expand():
            key = occurrence.key if self.recurrence_rule else ""
            row = existing.get(key) or EventOccurrence(event=self)
            for name in ("start", "end", "status", "previous_start", "recurrence_id"):
                setattr(row, name, getattr(occurrence, name))
            row.save()
            kept.add(row.pk)
        self.occurrences.exclude(pk__in=kept).delete()

    @cached_property
    def occurrence_list(self) -> list[occurrences.Occurrence]:
        return self.expand()

    def occurrence_by_key(self, key: str) -> occurrences.Occurrence | None:
        """The date named ``key`` in addresses (see ``OccurrenceDisplay.key``)."""
        return next((item for item in self.occurrence_list if item.key == key), None)

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence_rule)

    @property
    def current_occurrence(self) -> occurrences.Occurrence | None:
        """The next date not yet over, else the last one: what the page shows first."""
        dated = self.occurrence_list
        upcoming = [occurrence for occurrence in dated if not occurrence.has_ended()]
        return (upcoming or dated or [None])[0 if upcoming else -1]

    @property
    def display_status(self) -> str:
        current = self.current_occurrence
        return current.display_status if current else self.status

    @property
    def display_status_label(self) -> str:
        return occurrences.status_label(self.display_status)

    def has_ended(self, now: datetime.datetime | None = None) -> bool:
        """True once the last date is over."""
        dated = self.occurrence_list
        last_end = dated[-1].end if dated else (self.end or self.start)
        return last_end < (now or timezone.now())
