"""Reads of the themes app: the business rules of « du mois » live here."""

import datetime

from django.db.models import F
from django.utils import timezone

from .models import ConceptPage, ProjectPage, ThemePage
from .models.base import first_of_month


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


def theme_page_context(theme: ThemePage) -> dict:
    """What a theme page lists: its resources, projects and concepts."""
    return {
        # The « En introduction… » resource is shown above the others, not among them.
        "resources": theme.resources.published()
        .exclude(pk=theme.intro_resource_id or 0)
        .select_related("publisher", "document")
        .order_by("-published_on"),
        "projects": theme.projects.live()
        .public()
        .select_related("image")
        .order_by("-first_published_at"),
        "concepts": theme.concepts.live().public().order_by("-month"),
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
