"""Reads of the resource library: search, filters, facet counts, sort, pages.

Every count and page here costs a fixed number of queries, whatever the number
of resources.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from . import search
from .filters import FACETS, ResourceFilterSet
from .models import Resource, ResourceKind

PER_PAGE = 20
SORT_RELEVANCE = "pertinence"
SORT_NEWEST = "recent"
SORTS = {SORT_RELEVANCE: _("Pertinence"), SORT_NEWEST: _("Plus récentes")}
QUERY_MAX_LENGTH = 200
TOP_TAGS = 15
SINGLE_CHOICE_FACETS = {"year", "tag"}


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def clean_query(raw: str) -> str:
    return " ".join((raw or "").split())[:QUERY_MAX_LENGTH]


def filtered_resources(params: QueryDict, *, without: str | None = None):
    """Published resources matching the search and every filter but ``without``."""
    data = params.copy()
    if without:
        data.pop(without, None)
    filterset = ResourceFilterSet(data, queryset=Resource.objects.published())
    queryset, ranked = search.search(filterset.qs, clean_query(params.get("q", "")))
    return filterset, queryset, ranked


def sorted_resources(queryset, *, ranked: bool, sort: str):
    if ranked and sort != SORT_NEWEST:
        return queryset.order_by("-rank", "-published_on", "-pk")
    return queryset.order_by("-published_on", "-pk")


def facet_counts(params: QueryDict, filterset: ResourceFilterSet) -> dict[str, list[FacetOption]]:
    """For each facet, how many results each value would give with the other filters kept."""
    facets = {}
    for name in FACETS:
        _filterset, queryset, _ranked = filtered_resources(params, without=name)
        selected = set(params.getlist(name))
        facets[name] = _facet_options(name, queryset, filterset, selected)
    return facets


def _facet_options(name, queryset, filterset, selected) -> list[FacetOption]:
    ids = queryset.order_by().values("pk")
    base = Resource.objects.filter(pk__in=ids).order_by()
    if name == "kind":
        rows = base.values_list("kind").annotate(n=Count("pk"))
        labels = dict(ResourceKind.choices)
    elif name == "tag":
        rows = (
            base.filter(tags__isnull=False)
            .values_list("tags__slug", "tags__name")
            .annotate(n=Count("pk", distinct=True))
            .order_by("-n", "tags__name")[:TOP_TAGS]
        )
        return [
            FacetOption(slug, tag_name, count, slug in selected) for slug, tag_name, count in rows
        ]
    elif name == "year":
        rows = (
            base.annotate(value=ExtractYear("published_on"))
            .values_list("value")
            .annotate(n=Count("pk"))
            .order_by("-value")
        )
        labels = None
    else:
        field = {"theme": "themes", "publisher": "publisher", "audience": "audiences__slug"}[name]
        # Resources without a value form a NULL group, skipped below: cheaper than
        # excluding them, which costs the database another pass over the join.
        rows = base.values_list(field).annotate(n=Count("pk", distinct=True))
        field_queryset = filterset.filters[name].queryset
        key = "slug" if name == "audience" else "pk"
        labels = {getattr(obj, key): str(obj) for obj in field_queryset}
    options = []
    for value, count in rows:
        if value is None:
            continue
        label = str(value) if labels is None else labels.get(value)
        if label is None:  # e.g. a theme that is no longer published
            continue
        options.append(FacetOption(str(value), str(label), count, str(value) in selected))
    if labels is not None and name != "kind":
        options.sort(key=lambda option: option.label)
    elif name == "kind":
        order = list(labels)
        options.sort(key=lambda option: order.index(option.value))
    return options


def library_context(request) -> dict:
    params = request.GET
    query = clean_query(params.get("q", ""))
    filterset, queryset, ranked = filtered_resources(params)
    sort = params.get("tri") if params.get("tri") in SORTS else SORT_RELEVANCE
    results = sorted_resources(queryset, ranked=ranked, sort=sort).select_related(
        "publisher", "document"
    )
    page = Paginator(results, PER_PAGE).get_page(params.get("page"))
    facets = facet_counts(params, filterset)
    return {
        "query": query,
        "filterset": filterset,
        "facet_groups": [
            {
                "name": name,
                "label": filterset.filters[name].label,
                "multiple": name not in SINGLE_CHOICE_FACETS,
                "options": facets[name],
                "any_selected": any(option.selected for option in facets[name]),
            }
            for name in FACETS
            if facets[name]
        ],
        "items": page,
        "sort": sort,
        "sorts": SORTS,
        "ranked": ranked,
        "has_criteria": bool(query) or any(params.getlist(name) for name in FACETS),
    }
