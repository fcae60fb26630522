"""Filters of the agenda, shared by the page, its iCalendar feed and the API.

The same query string filters /agenda/, /agenda/archives/ and /agenda.ics, so
a visitor can subscribe to exactly the agenda they are looking at.
"""

import datetime
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError

from core.filters import DistinctWhenJoinedMixin, ModelChoiceFilter
from core.geography import REGION_CHOICES, REGIONS
from core.models import Partner
from themes.models import ThemePage

from . import dates
from .choices import EventFormat
from .occurrence_models import EventOccurrence

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


class MonthField(forms.Field):
    """« 2026-11 »: a month of a plausible year, cleaned to its first day."""

    default_error_messages = {"invalid": "Choisissez un mois dans la liste."}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        match = MONTH_PATTERN.match(str(value))
        if not match:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        year, month = int(match[1]), int(match[2])
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return datetime.date(year, month, 1)


class MonthFilter(django_filters.Filter):
    """Events with a date starting in the Paris month (the month the agenda lists it under)."""

    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        # Of a series, any date counts: events with a date starting in that month.
        in_month = EventOccurrence.objects.starting_in(month=value)
        return qs.filter(pk__in=in_month.order_by().values("event_id"))


def organisers(request=None):
    """Partners who organise events, for the « organisateur » list."""
    return Partner.objects.filter(events__isnull=False).distinct().order_by("sort_order", "name")


def themes(request=None):
    return ThemePage.objects.live().order_by("-month")


class EventFilterSet(DistinctWhenJoinedMixin, django_filters.FilterSet):
    """Every filter is declared (no ``Meta.model``): the pages, which import this
    module, filter their own querysets of events."""

    many_valued_filters = ("theme", "tag")

    month = MonthFilter(label="Mois")
    region = django_filters.ChoiceFilter(
        label="Région", choices=REGION_CHOICES, empty_label="Toutes les régions"
    )
    format = django_filters.ChoiceFilter(
        label="Format",
        field_name="event_format",
        choices=EventFormat.choices,
        empty_label="Tous les formats",
    )
    theme = ModelChoiceFilter(
        label="Thématique",
        field_name="themes",
        queryset=themes,
        empty_label="Toutes les thématiques",
    )
    organiser = ModelChoiceFilter(
        label="Organisateur",
        field_name="organiser",
        queryset=organisers,
        empty_label="Tous les organisateurs",
    )
    tag = django_filters.CharFilter(label="Mot-clé", field_name="tags__slug", max_length=100)

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        # Offer only the partners who organise one of the events being browsed.
        self.filters["organiser"].queryset = organisers().filter(
            pk__in=self.queryset.order_by().values("organiser_id")
        )

    def applied(self) -> dict:
        """The valid criteria in use, by name (what the page and the feed name say)."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 -- validates the form
        return {name: value for name, value in self.form.cleaned_data.items() if value}

    def description(self) -> str:
        """« En ligne · Auvergne-Rhône-Alpes · novembre 2026 »: the criteria in words
        (no commas: calendar clients show the feed's name without unescaping them)."""
        criteria = self.applied()
        parts = []
        if "format" in criteria:
            parts.append(str(EventFormat(criteria["format"]).label))
        if "region" in criteria:
            parts.append(REGIONS[criteria["region"]])
        if "month" in criteria:
            parts.append(dates.month_label(criteria["month"]).lower())
        if "theme" in criteria:
            parts.append(criteria["theme"].title)
        if "organiser" in criteria:
            parts.append(criteria["organiser"].name)
        if "tag" in criteria:
            parts.append(f"#{criteria['tag']}")
        return " · ".join(parts)
