"""The library page's listing as the visitor sees it: the search and facets of
``selectors.library_page_listing``, with facet values in French order, the tag typed
by name recognised, and the active filters as removable tags.

Kept apart from the selectors, which own the search and the counting.
"""

import dataclasses
from urllib.parse import urlencode

from django.urls import reverse

from core.facets import active_filters, facet_sorted, query_without
from themes.filters import tag_matching

from .models import ResourceKind
from .selectors import FacetOption, library_page, library_page_listing

ALPHABETICAL_FACETS = {"theme", "publisher", "audience"}


def library_page_listing_for_visitors(*, request) -> dict:
    listing = library_page_listing(request=request)
    typed_tag = request.GET.get("tag", "").strip()
    for group in listing["facet_groups"]:
        group["options"] = _with_chosen_values(group, request.GET, listing["filterset"])
        if group["name"] in ALPHABETICAL_FACETS:
            group["options"] = facet_sorted(group["options"])
        elif group["name"] == "tag" and typed_tag:
            group["options"] = _tag_options_with_typed(
                group["options"], typed_tag, listing["items"].paginator.count
            )
            group["any_selected"] = any(option.selected for option in group["options"])
    page = library_page()
    base_url = page.url if page else ""
    listing["active_filters"] = active_filters(
        params=request.GET, facet_groups=listing["facet_groups"], base_url=base_url
    )
    query = listing["query"]
    listing["reset_url"] = f"{base_url}?{urlencode({'q': query})}" if query else base_url
    listing["tag_suggest_url"] = reverse("resource-tag-suggestions")
    # The feeds of the selection shown (the feed has no pages and no order of its own).
    listing["feed_query"] = query_without(params=request.GET, name="tri")
    return listing


def _with_chosen_values(group: dict, params, filterset) -> list:
    """A value the visitor chose stays in its facet, at 0, when the other filters leave
    it no result: it can still be seen and unticked."""
    name, options = group["name"], group["options"]
    missing = set(params.getlist(name)) - {option.value for option in options} - {""}
    # Values the form refused (not an id, not a type) have no label to show.
    if not missing or name in ("tag", "year") or filterset.form.errors.get(name):
        return options
    if name == "kind":
        labels = dict(ResourceKind.choices)
    else:
        field = filterset.filters[name]
        key = field.extra.get("to_field_name") or "pk"
        labels = {
            str(getattr(obj, key)): str(obj)
            for obj in field.queryset.filter(**{f"{key}__in": missing})
        }
    return [
        *options,
        *(FacetOption(value, labels[value], 0, True) for value in missing if value in labels),
    ]


def _tag_options_with_typed(options: list, typed: str, count: int) -> list:
    """Tick the tag a visitor typed (« Emploi », « mobilite inclusive »), adding it
    when it is not among the most used: its count is then the results' own."""
    tag = tag_matching(text=typed).order_by("name").first()
    if tag is None:
        return options
    if any(option.value == tag.slug for option in options):
        return [
            dataclasses.replace(option, selected=option.value == tag.slug) for option in options
        ]
    return [*options, FacetOption(tag.slug, tag.name, count, True)]
