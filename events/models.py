"""The partners' agenda: « À vos agendas ! »."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import COMMON_BLOCKS
from core.models import SectionIndexPage
from core.page_bases import ImageMixin, LocatedMixin

from . import dates, occurrences
from .choices import EventFormat, EventStatus, RegistrationMode
from .model_mixins import AccessibilityMixin, AttendanceMixin, RegistrationMixin
from .occurrence_models import EventOccurrence, EventOccurrenceChange
from .page_context import agenda_context, event_page_context
from .querysets import EventQuerySet
from .registration_models import EventRegistration, RegistrationStatus
from .series import SeriesMixin

__all__ = [
    "EventFormat",
    "EventIndexPage",
    "EventOccurrence",
    "EventOccurrenceChange",
    "EventPage",
    "EventRegistration",
    "EventStatus",
    "RegistrationStatus",
]


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """/agenda/: « À vos agendas ! », the partners' upcoming events, by month,
    with the past ones in /agenda/archives/."""

    empty_message = "Aucun événement n'est annoncé pour le moment."
    subpage_types = ["events.EventPage"]
    items_per_page = 20

    class Meta:
        verbose_name = "agenda"

    @path("")
    def upcoming(self, request):
        return self.render(request, past=False)

    @path("archives/")
    def archives(self, request):
        return self.render(request, past=True, template="events/event_archive_page.html")

    def get_context(self, request, *args, past: bool = False, **kwargs):
        # Not SectionIndexPage's: the agenda lists events by date, not by publication.
        context = Page.get_context(self, request, *args, **kwargs)
        # The dates are listed, upcoming or past: a series has both.
        events = EventPage.objects.child_of(self).listed()
        context.update(agenda_context(request, index=self, events=events, past=past))
        return context


class EventPage(
    RoutablePageMixin,
    SeriesMixin,
    AttendanceMixin,
    AccessibilityMixin,
    RegistrationMixin,
    LocatedMixin,
    ImageMixin,
    Page,
):
    """One event of a partner (or of a collectivité, when contributed): a rencontre,
    a webinaire, an afterwork, a conference, in person, online or both."""

    summary = models.TextField(
        "résumé",
        max_length=400,
        help_text="Deux ou trois phrases, sans mise en forme, reprises dans les listes.",
    )
    body = StreamField(COMMON_BLOCKS, verbose_name="présentation", blank=True)
    start = models.DateTimeField("début", help_text="Heure de Paris.")
    end = models.DateTimeField(
        "fin",
        blank=True,
        help_text=(
            "Heure de Paris. Pour un événement sur une journée entière, seule la date compte ; "
            "laisser vide pour un événement sans heure de fin annoncée."
        ),
    )
    all_day = models.BooleanField(
        "journée(s) entière(s)",
        default=False,
        help_text="Cocher pour un événement sans horaires, sur un ou plusieurs jours.",
    )
    event_format = models.CharField(
        "format", max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    status = models.CharField(
        "statut", max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    venue = models.CharField(
        "lieu", max_length=200, blank=True, help_text="Par exemple « Hôtel de ville »."
    )
    address = models.CharField(
        "adresse", max_length=250, blank=True, help_text="Numéro, rue, code postal."
    )
    city = models.CharField("ville", max_length=120, blank=True)
    online_url = models.URLField(
        "lien de connexion ou de diffusion",
        max_length=500,
        blank=True,
        help_text="Pour un événement en ligne ou hybride.",
    )
    registration_url = models.URLField("lien d'inscription", max_length=500, blank=True)
    organiser = models.ForeignKey(
        "core.Partner",
        verbose_name="organisateur (partenaire)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organiser_name = models.CharField(
        "organisateur (autre)",
        max_length=250,
        blank=True,
        help_text="Quand l'organisateur n'est pas un partenaire de la plateforme.",
    )
    themes = ParentalManyToManyField(
        "themes.ThemePage", verbose_name="thématiques", blank=True, related_name="events"
    )
    tags = ClusterTaggableManager(
        verbose_name="mots-clés", through="events.EventPageTag", blank=True
    )
    accessibility = models.TextField(
        "accessibilité : autres informations",
        blank=True,
        help_text="Contact, conditions, ce que les cases ci-dessus ne disent pas.",
    )
    # Set when the event came in through the contribution form.
    contributed_by = models.CharField(
        "proposé par",
        max_length=250,
        blank=True,
        help_text="Personne ou organisation à créditer, pour un événement proposé par un contributeur.",
    )
    # The iCalendar UID: calendar clients recognise an event across edits by it.
    uid = models.UUIDField("identifiant iCalendar", default=uuid.uuid4, editable=False)

    objects = PageManager.from_queryset(EventQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("previous_start")]),
                FieldPanel("recurrence_rule"),
                InlinePanel("occurrence_changes", heading="Changements de dates de la série"),
            ],
            heading="Dates et statut",
        ),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("departement"), FieldPanel("region")]),
                FieldPanel("country"),
                FieldPanel("online_url"),
            ],
            heading="Format et lieu",
        ),
        RegistrationMixin.registration_panel,
        AccessibilityMixin.accessibility_panel,
        ImageMixin.image_panel,
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("tags"),
        FieldPanel("contributed_by"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("city", boost=2),
        index.SearchField("organiser_name"),
        index.FilterField("region"),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # A copy is another event: calendar clients must not mistake it for this one.
    exclude_fields_in_copy = ["uid"]

    class Meta:
        verbose_name = "événement"
        verbose_name_plural = "événements"
        constraints = [
            models.UniqueConstraint(fields=["uid"], name="events_eventpage_unique_uid"),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="events_end_after_start"
            ),
        ]

    # -- dates -------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = self.date_errors()
        errors.update(self.attendance_errors())
        errors.update(self.registration_errors())
        errors.update(self.image_alt_errors())
        if errors:
            raise ValidationError(errors)
        self.normalise_dates()
        self.recurrence_rule = occurrences.normalise_rule(self.recurrence_rule)

    def normalise_dates(self) -> None:
        """All-day events run from the first day's midnight to the last day's end
        (Paris time); a timed event without an end ends when it starts."""
        if not self.start:
            return
        if self.all_day:
            first_day = dates.local_date(self.start)
            last_day = dates.local_date(self.end) if self.end else first_day
            self.start = dates.paris_datetime(first_day, datetime.time.min)
            self.end = dates.paris_datetime(max(first_day, last_day), dates.END_OF_DAY)
        elif not self.end:
            self.end = self.start

    def save(self, *args, **kwargs):
        self.normalise_dates()
        if self.registration_url and not self.registration_mode:
            self.registration_mode = RegistrationMode.LINK
        result = super().save(*args, **kwargs)
        # A draft saves a few fields only: the dates listed are the published ones.
        if kwargs.get("update_fields") is None:
            self.rebuild_occurrences()
        return result

    @property
    def first_day(self) -> datetime.date:
        return dates.local_date(self.start)

    @property
    def last_day(self) -> datetime.date:
        return dates.local_date(self.end or self.start)

    @property
    def when(self) -> str:
        """« Du 24 au 26 octobre 2022 », « Le 3 décembre 2026, de 14 h à 16 h »."""
        return dates.event_dates_label(self.start, self.end, all_day=self.all_day)

    @property
    def month_label(self) -> str:
        """« Novembre 2026 »: the month the agenda lists the event under."""
        return dates.month_label(self.first_day)

    # -- what the pages show -----------------------------------------------------

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_online(self) -> bool:
        return self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def organiser_label(self) -> str:
        if self.organiser_id:
            return self.organiser.full_name or self.organiser.name
        return self.organiser_name

    @property
    def place(self) -> str:
        """« Salle des fêtes, Rezé » or « En ligne » — one line for the lists."""
        if self.event_format == EventFormat.ONLINE:
            return str(EventFormat.ONLINE.label)
        parts = [self.venue, self.city or self.departement_name]
        if not (self.city or self.departement):
            parts.append(self.get_region_display())
        return ", ".join(dict.fromkeys(part for part in parts if part))

    @property
    def location_text(self) -> str:
        """The full postal location on one line, for calendars and structured data."""
        parts = [self.venue, self.address, self.city]
        return ", ".join(part for part in parts if part)

    @property
    def status_badge(self) -> str:
        """The DSFR badge modifier of what the page shows (« Passé » once over)."""
        return occurrences.STATUS_BADGES.get(self.display_status, "")

    @cached_property
    def description(self) -> str:
        return self.search_description or self.summary

    @property
    def intro(self) -> str:
        """What the site's shared cards and search results show under the title."""
        return f"{self.when} — {self.summary}"

    # -- one date of a series, on its own page --------------------------------------

    @re_path(r"^(?P<key>\d{8}T\d{4})/$", name="occurrence")
    def occurrence_page(self, request, key: str):
        """/agenda/<slug>/20300312T1400/: one date of a series, with its own status,
        calendar file and links (a single event has only its page)."""
        occurrence = self.occurrence_by_key(key)
        if occurrence is None:
            raise Http404
        if not self.is_recurring:
            return HttpResponseRedirect(self.url)
        return self.render(
            request, occurrence=occurrence, template="events/event_occurrence_page.html"
        )

    def occurrence_url(self, occurrence) -> str:
        """The page of one date: the event's own page for a single event."""
        url = self.url or ""
        if not self.is_recurring or occurrence is None:
            return url
        return url + self.reverse_subpage("occurrence", kwargs={"key": occurrence.key})

    def get_context(self, request, *args, occurrence=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(request, event=self, occurrence=occurrence))
        return context


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(EventPage, related_name="tagged_items", on_delete=models.CASCADE)
