"""Filters of the project index (and of the projects API)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from territoires.core.filters import DistinctWhenJoinedMixin, ModelChoiceFilter
from territoires.core.geography import REGION_CHOICES

from .models import ProjectPage, ThemePage


class ProjectFilterSet(DistinctWhenJoinedMixin, django_filters.FilterSet):
    many_valued_filters = ("theme", "tag")

    theme = ModelChoiceFilter(
        label=_("Thématique"),
        field_name="themes",
        queryset=ThemePage.objects.live().order_by("-month"),
        empty_label=_("Toutes les thématiques"),
    )
    region = django_filters.ChoiceFilter(
        label=_("Région"), choices=REGION_CHOICES, empty_label=_("Toutes les régions")
    )
    tag = django_filters.CharFilter(label=_("Mot-clé"), field_name="tags__slug")

    class Meta:
        model = ProjectPage
        fields = ["theme", "region", "tag"]
