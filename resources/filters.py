"""Filters of the resource library, shared by the public page and the JSON API."""

import django_filters

from core.filters import (
    DistinctWhenJoinedMixin,
    ModelMultipleChoiceFilter,
    YearFilter,
)
from core.models import Partner
from themes.filters import TagFilter
from themes.models import ThemePage

from .models import Audience, Resource, ResourceKind


class ResourceFilterSet(DistinctWhenJoinedMixin, django_filters.FilterSet):
    many_valued_filters = ("theme", "tag", "audience")

    kind = django_filters.MultipleChoiceFilter(label="Type", choices=ResourceKind.choices)
    theme = ModelMultipleChoiceFilter(
        label="Thématique",
        field_name="themes",
        queryset=ThemePage.objects.live().order_by("-month"),
    )
    tag = TagFilter(label="Mot-clé", field_name="tags")
    publisher = ModelMultipleChoiceFilter(label="Éditeur", queryset=Partner.objects.all())
    audience = ModelMultipleChoiceFilter(
        label="Public",
        field_name="audiences__slug",
        to_field_name="slug",
        queryset=Audience.objects.all(),
    )
    year = YearFilter(label="Année", field_name="published_on__year")

    class Meta:
        model = Resource
        fields = ["kind", "theme", "tag", "publisher", "audience", "year"]


FACETS = ["kind", "theme", "publisher", "audience", "year", "tag"]
