"""Reads of the themes app: the business rules of « du mois » live here."""

import datetime

from django.core.paginator import Paginator
from django.db.models import F
from django.utils import timezone

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
    """The project index's filter form and the page of projects it selects."""
    filterset = ProjectFilterSet(request.GET or None, queryset=index.get_items())
    paginator = Paginator(filterset.qs, index.items_per_page)
    return {"filterset": filterset, "items": paginator.get_page(request.GET.get("page"))}


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
