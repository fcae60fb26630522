"""The dates of the events, stored: what the agenda, its feeds and the API list,
filter and export one by one. Rebuilt from the event each time it is saved in
full (a publication), never edited by hand."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from . import dates
from .choices import EventStatus
from .occurrences import REMOVED, OccurrenceDisplay

CHANGE_CHOICES = [*EventStatus.choices, (REMOVED, "Supprimée de la série")]


class EventOccurrenceChange(Orderable):
    """A change to one date of a series: cancelled, postponed, full or removed."""

    event = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrence_changes"
    )
    original_start = models.DateTimeField(
        "date prévue", help_text="Le début de l'occurrence concernée, telle que la règle le donne."
    )
    status = models.CharField("statut", max_length=20, choices=CHANGE_CHOICES)
    new_start = models.DateTimeField(
        "nouveau début", null=True, blank=True, help_text="Pour une occurrence reportée."
    )
    new_end = models.DateTimeField("nouvelle fin", null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("original_start"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "changement d'une date"
        verbose_name_plural = "changements de dates"


class EventOccurrenceQuerySet(models.QuerySet):
    def upcoming(self, *, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start", "event_id")

    def past(self, *, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-event_id")

    def starting_in(self, *, month):
        first, following = dates.month_bounds(month.year, month.month)
        return self.filter(start__gte=first, start__lt=following)


class EventOccurrence(OccurrenceDisplay, models.Model):
    """One date of an event (the only one of a single event)."""

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrences"
    )
    start = models.DateTimeField("début", db_index=True)
    end = models.DateTimeField("fin", db_index=True)
    status = models.CharField("statut", max_length=20, choices=EventStatus.choices)
    previous_start = models.DateTimeField("date initialement prévue", null=True, blank=True)
    recurrence_id = models.DateTimeField("date dans la série", null=True, blank=True)

    objects = EventOccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = "date d'un événement"
        verbose_name_plural = "dates des événements"
        ordering = ["start", "event_id"]

    def __str__(self):
        return f"{self.event} — {self.when}"
