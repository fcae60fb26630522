"""Filters of the project index (and of the projects API), and the tag filter that
the resource library shares with it."""

import django_filters
from django.db.models import Exists, Q
from django.utils.text import slugify
from taggit.models import Tag

from core.filters import DistinctWhenJoinedMixin, ModelChoiceFilter
from core.geography import REGION_CHOICES

from .models import ProjectPage, ThemePage


def tag_matching(*, text: str):
    """The tags someone means by ``text``, accents and case ignored: « Emploi » finds
    « emploi », « mobilite inclusive » finds « mobilité inclusive », and a single word
    (« mobilité ») also finds the tags it is one word of. Compared on the slugs,
    which taggit writes in ASCII (TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING)."""
    slug = slugify(text)
    if not slug:
        return Tag.objects.none()
    one_word_of = (
        Q(slug__startswith=f"{slug}-")
        | Q(slug__endswith=f"-{slug}")
        | Q(slug__contains=f"-{slug}-")
    )
    # One query, usable as a subquery: the words only when no tag is exactly that.
    return Tag.objects.filter(Q(slug=slug) | (one_word_of & ~Exists(Tag.objects.filter(slug=slug))))


class TagFilter(django_filters.CharFilter):
    """« Mot-clé »: a tag's slug or its name as people type it (see tag_matching)."""

    def filter(self, qs, value):
        value = (value or "").strip()
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": tag_matching(text=value).values("pk")})


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
    tag = TagFilter(label="Mot-clé", field_name="tags")

    class Meta:
        model = ProjectPage
        fields = ["theme", "region", "tag"]
