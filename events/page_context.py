"""What the agenda's pages show, beside what Wagtail gives every page.

The pages (in models.py) call these with the events they read through their
queryset methods; this module never imports the models, so that the pages can
import it.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.urls import reverse

from core.public_urls import public_url
from themes.models import ThemePage

from .dates import group_by_month
from .filters import EventFilterSet
from .structured_data import as_script, event_json_ld

FILTER_NAMES = ("month", "region", "format", "theme", "organiser", "tag")


def filter_query(request) -> str:
    """The criteria of the query string, without the page number: for the feed link."""
    pairs = [(name, request.GET[name]) for name in FILTER_NAMES if request.GET.get(name)]
    return urlencode(pairs)


def agenda_context(request, *, index, events, past: bool) -> dict:
    """The agenda (``past``: its archive): ``events`` filtered, paginated, by month."""
    filterset = EventFilterSet(request.GET or None, queryset=events, request=request)
    page_obj = Paginator(filterset.qs, index.items_per_page).get_page(request.GET.get("page"))
    months = events.start_months()
    selected_month = filterset.applied().get("month")
    if selected_month and selected_month not in months:
        months = sorted([*months, selected_month])
    if past:
        months.reverse()
    query = filter_query(request)
    return {
        "filterset": filterset,
        "items": page_obj,
        "month_groups": group_by_month(page_obj.object_list),
        "months": months,
        "is_filtered": bool(filterset.applied()),
        "past": past,
        "empty_message": index.empty_message,
        "ics_path": reverse("agenda-ics") + (f"?{query}" if query else ""),
        "upcoming_url": index.url,
        "archives_url": index.url + index.reverse_subpage("archives"),
        "archive_breadcrumb": {
            "links": [{"url": index.url, "title": index.title}],
            "current": "Événements passés",
        },
    }


def event_page_context(request, *, event) -> dict:
    """An event's page: its themes, tags, calendar file and schema.org data."""
    url = public_url(event.get_url(request))
    image_url = ""
    if event.image_id:
        image_url = public_url(event.image.get_rendition("fill-1200x630").url)
    return {
        # By ids: in a preview, the page's themes are not yet a database query.
        "themes": ThemePage.objects.live()
        .public()
        .filter(pk__in=[theme.pk for theme in event.themes.all()])
        .order_by("-month"),
        "tags": event.tags.all(),
        # A new page previewed before its slug is typed has no calendar file yet.
        "ics_url": reverse("event-ics", kwargs={"slug": event.slug}) if event.slug else "",
        "json_ld": as_script(event_json_ld(event, url=url, image_url=image_url)),
        "has_ended": event.has_ended(),
        "agenda": event.get_parent(),
    }
