"""Reads of the themes app: the business rules of « du mois » live here."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from core.facets import FacetValue, active_filters, facet_sorted, french_key, query_without
from core.geography import REGIONS
from core.text import fold_accents, plural

from .filters import ProjectFilterSet
from .models import ConceptPage, ProjectIndexPage, ProjectPage, ThemePage
from .models.base import first_of_month

THEME_PAGE_PROJECTS = 9


def _this_month(today: datetime.date | None) -> datetime.date:
    return first_of_month(today or timezone.localdate())


def theme_of_the_month(*, today: datetime.date | None = None) -> ThemePage | None:
    """The published theme featured this month, else the latest one already featured.

    Themes scheduled for a later month are never « du mois » before their month.
    """
    return (
        ThemePage.objects.live()
        .public()
        .filter(month__lte=_this_month(today))
        .select_related("image", "intro_resource")
        .order_by("-month", "-first_published_at")
        .first()
    )


def concept_of_the_month(*, today: datetime.date | None = None) -> ConceptPage | None:
    """Same rule as the theme: this month's concept, else the latest one."""
    return (
        ConceptPage.objects.live()
        .public()
        .filter(month__lte=_this_month(today))
        .order_by("-month", "-first_published_at")
        .first()
    )


def recent_projects(*, limit: int = 3):
    return (
        ProjectPage.objects.live()
        .public()
        .select_related("image")
        .order_by("-first_published_at", "-pk")[:limit]
    )


def theme_featured_projects(
    *, theme: ThemePage | None, limit: int = 3
) -> tuple[list[ProjectPage], bool]:
    """The projects the home page shows under « Thématique du mois »: the featured
    theme's own, the latest first; the latest projects of any theme only while it has
    none, so that the section never shows another theme's projects beside its own.
    The flag says whether they are the theme's own."""
    if theme is not None:
        own = list(
            theme.projects.live()
            .public()
            .select_related("image")
            .order_by("-first_published_at", "-pk")[:limit]
        )
        if own:
            return own, True
    return list(recent_projects(limit=limit)), False


def _filtered_index_url(index_model, theme: ThemePage, needed: bool) -> str | None:
    """The index page listing everything of ``theme``, when the theme page shows only part."""
    index = index_model.objects.live().first() if needed else None
    return f"{index.url}?theme={theme.pk}" if index else None


def theme_page_projects(*, theme: ThemePage) -> dict:
    """The theme page's latest projects (the rest is one click away in the project
    index, filtered on the theme) and its concepts. Its resources come from the
    resources app, through the same hook."""
    projects = theme.projects.live().public()
    project_count = projects.count()
    return {
        "projects": projects.select_related("image").order_by("-first_published_at", "-pk")[
            :THEME_PAGE_PROJECTS
        ],
        "project_count": project_count,
        "more_projects_url": _filtered_index_url(
            ProjectIndexPage, theme, project_count > THEME_PAGE_PROJECTS
        ),
        "concepts": theme.concepts.live().public().order_by("-month"),
    }


def project_index_listing(*, index: ProjectIndexPage, request) -> dict:
    """The project index's filter form, its facets with their counts, and the page of
    projects it selects."""
    params = request.GET
    filterset = ProjectFilterSet(params or None, queryset=index.get_items())
    paginator = Paginator(filterset.qs, index.items_per_page)
    groups = [
        _project_facet(index=index, params=params, name=name, label=label, all_label=all_label)
        for name, label, all_label in PROJECT_FACETS
    ]
    groups = [group for group in groups if group["options"]]
    typed_tag = params.get("tag", "").strip()
    tag_filter = []
    if typed_tag:
        query = query_without(params=params, name="tag")
        tag_filter = [
            {
                "group": "Mot-clé",
                "label": typed_tag,
                "url": f"{index.url}?{query}" if query else index.url,
            }
        ]
    return {
        "filterset": filterset,
        "items": paginator.get_page(params.get("page")),
        "facet_groups": groups,
        "active_filters": active_filters(params=params, facet_groups=groups, base_url=index.url)
        + tag_filter,
        "reset_url": index.url,
        "feed_query": query_without(params=params, name="page"),
        "tag_box": {
            "label": "Mot-clé",
            "value": typed_tag,
            "suggest_url": reverse("project-tag-suggestions"),
        },
    }


PROJECT_FACETS = [
    ("theme", "Thématique", "Toutes"),
    ("region", "Région", "Toutes"),
]


def _project_facet(*, index, params, name: str, label: str, all_label: str) -> dict:
    """One facet of the project index: each value with how many projects it would give,
    the other filters kept; only values that give some, in French order."""
    data = params.copy()
    data.pop(name, None)
    matching = ProjectPage.objects.filter(
        pk__in=ProjectFilterSet(data, queryset=index.get_items()).qs.values("pk")
    ).order_by()
    if name == "theme":
        counts = matching.values_list("themes").annotate(n=Count("pk", distinct=True))
        labels = dict(ThemePage.objects.live().public().values_list("pk", "title"))
    else:
        counts = matching.values_list("region").annotate(n=Count("pk"))
        labels = REGIONS
    selected = params.get(name, "")
    options = [
        FacetValue(str(value), labels[value], count, str(value) == selected)
        for value, count in counts
        if value in labels and count
    ]
    # The value chosen stays, at 0, when the other filters leave it nothing.
    chosen = int(selected) if name == "theme" and selected.isdecimal() else selected
    if selected and not any(option.selected for option in options) and chosen in labels:
        options.append(FacetValue(selected, labels[chosen], 0, True))
    return {
        "name": name,
        "label": label,
        "all_label": all_label,
        "multiple": False,
        "options": facet_sorted(options),
        "any_selected": any(option.selected for option in options),
    }


def newest_projects():
    """Live, public projects, the most recently first published first.

    By first publication, so that correcting an old project does not bring it
    back to the top of feeds and API lists.
    """
    return (
        ProjectPage.objects.live()
        .public()
        .defer_streamfields()
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    )


TAG_SUGGESTIONS = 10


def tag_suggestions(*, text: str, through, noun: tuple[str, str]) -> list[dict]:
    """The tags whose name holds every word typed, accents and case ignored, used by
    live content (``through``: the tagged-item model of resources or projects), those
    starting with the text first: what the « Mot-clé » autocomplete proposes."""
    words = fold_accents(text).split()
    if not words or len(" ".join(words)) < 2:
        return []
    # Tags are a short list (hundreds), folded in Python: the same rule on every database.
    candidates = {
        pk: (name, slug)
        for pk, name, slug in Tag.objects.values_list("pk", "name", "slug")
        if all(word in fold_accents(name) for word in words)
    }
    counts = dict(
        through.objects.filter(tag_id__in=list(candidates), content_object__live=True)
        .values_list("tag_id")
        .annotate(n=Count("content_object", distinct=True))
    )
    start = " ".join(words)
    ranked = sorted(
        (pk for pk in counts if counts[pk]),
        key=lambda pk: (
            not fold_accents(candidates[pk][0]).startswith(start),
            french_key(candidates[pk][0]),
        ),
    )
    return [
        {
            "id": candidates[pk][1],
            "label": candidates[pk][0],
            "detail": f"{counts[pk]} {plural(noun[0], noun[1], counts[pk])}",
        }
        for pk in ranked[:TAG_SUGGESTIONS]
    ]
