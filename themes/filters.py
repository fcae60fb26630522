"""Filters of the project index (and of the projects API)."""

import django_filters

from core.filters import DistinctWhenJoinedMixin, ModelChoiceFilter
from core.geography import REGION_CHOICES

from .models import ProjectPage, ThemePage


class ProjectFilterSet(DistinctWhenJoinedMixin, django_filters.FilterSet):
    many_valued_filters = ("theme", "tag")

    theme = ModelChoiceFilter(
        label="Thématique",
        field_name="themes",
        queryset=ThemePage.objects.live().order_by("-month"),
        empty_label="Toutes les thématiques",
    )
    region = django_filters.ChoiceFilter(
        label="Région", choices=REGION_CHOICES, empty_label="Toutes les régions"
    )
    tag = django_filters.CharFilter(label="Mot-clé", field_name="tags__slug")

    class Meta:
        model = ProjectPage
        fields = ["theme", "region", "tag"]
