"""Reads of the resource library: search, filters, facet counts, sort, pages; and
what the other pages show of it (a theme's resources, a resource's neighbours).

Every count and page here costs a fixed number of queries, whatever the number
of resources.
"""

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import QueryDict

from core.analyser import parse_query
from core.fulltext import clean_query

from . import facets, library_index, search
from .filters import FACETS, ResourceFilterSet
from .models import Resource, ResourceIndexPage, ResourceKind
from .suggestions import search_suggestion

PER_PAGE = 20
THEME_PAGE_RESOURCES = 12
RELATED_RESOURCES = 3
SORT_RELEVANCE = "pertinence"
SORT_NEWEST = "recent"
SORTS = {SORT_RELEVANCE: "Pertinence", SORT_NEWEST: "Plus récentes"}
TOP_TAGS = 15
SINGLE_CHOICE_FACETS = {"year", "tag"}
# What only the search reads: left out of the rows a page shows.
SEARCH_COLUMNS = [
    "search_title",
    "search_text",
    "search_extra",
    "index_title",
    "index_summary",
    "index_extra",
    "search_vector",
]
# Facets read from a column of the resource (year is annotated), and through a relation.
COLUMN_FACETS = {"kind": "kind", "year": "year", "publisher": "publisher"}
RELATION_FACETS = {"theme": "themes", "audience": "audiences__slug"}


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def array_facets(filterset) -> bool:
    """Whether the filters read the facet ids on the rows (PostgreSQL: the API, the feeds)."""
    return search.uses_postgres() and filterset.is_valid()


def resource_list_filtered(*, params: QueryDict, without: str | None = None):
    """Published resources matching the search and every filter but ``without``."""
    data = params.copy()
    if without:
        data.pop(without, None)
    filterset = ResourceFilterSet(data, queryset=Resource.objects.published())
    if array_facets(filterset):
        # The facet ids on the row: no join, no DISTINCT (resources.facets).
        conditions = facets.facet_conditions(filterset.form.cleaned_data)
        filtered = facets.filtered(Resource.objects.published(), conditions)
    else:
        filtered = filterset.qs
    queryset, ranked = search.search(filtered, clean_query(params.get("q", "")))
    return filterset, queryset, ranked


def resource_list_sorted(*, queryset, ranked: bool, sort: str):
    if ranked and sort != SORT_NEWEST:
        return queryset.order_by("-rank", "-published_on", "-pk")
    return queryset.order_by("-published_on", "-pk")


def resource_facet_counts(
    *, params: QueryDict, filterset: ResourceFilterSet
) -> dict[str, list[FacetOption]]:
    """For each facet, how many results each value would give with the other filters kept.

    Facets whose other criteria are the same (every facet with no value selected)
    share one set of matching resources, and the column facets among them (type,
    year, publisher) are counted together in one grouped query rather than three.
    """
    groups: dict[tuple, list[str]] = {}
    for name in FACETS:
        criteria = tuple(
            (key, tuple(params.getlist(key)))
            for key in ["q", *FACETS]
            if key != name and params.getlist(key)
        )
        groups.setdefault(criteria, []).append(name)
    facets = {}
    for names in groups.values():
        _filterset, queryset, _ranked = resource_list_filtered(params=params, without=names[0])
        matching = Resource.objects.filter(pk__in=queryset.order_by().values("pk")).order_by()
        column_counts = _column_counts(matching, [name for name in names if name in COLUMN_FACETS])
        for name in names:
            selected = set(params.getlist(name))
            if name == "tag":
                facets[name] = _tag_options(matching, selected)
                continue
            counts = (
                column_counts[name] if name in column_counts else _relation_counts(matching, name)
            )
            facets[name] = _options(name, counts, filterset, selected)
    return facets


def _library_from_index(*, params: QueryDict, query: str, filterset, sort: str):
    """The results, facets and whether they are ranked, from this process's index of the
    library (resources.library_index): the SQL path's answers, in a few milliseconds."""
    parsed = parse_query(query)
    if parsed.is_empty and query.strip():  # only stop words, symbols or exclusions
        return ResourcesInOrder(listing=None), {name: [] for name in FACETS}, False
    listing = library_index.library_listing(
        parsed=None if parsed.is_empty else parsed,
        cleaned=filterset.form.cleaned_data,
        by_relevance=sort != SORT_NEWEST,
    )
    options = _facet_options_from_counts(counts=listing.counts, params=params, filterset=filterset)
    return ResourcesInOrder(listing=listing), options, not parsed.is_empty


class ResourcesInOrder:
    """The listing's resources for the paginator: counted without reading them, and
    only the page shown is ordered and read."""

    def __init__(self, *, listing: library_index.IndexListing | None):
        self.listing = listing

    def count(self) -> int:
        return self.listing.total if self.listing else 0

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Resource]:
        if self.listing is None:
            return []
        ids = self.listing.ids(index.stop)[index.start :].tolist()
        found = resource_cards().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def resource_cards():
    """Published resources with what their cards show, without the search columns."""
    return (
        Resource.objects.published().select_related("publisher", "document").defer(*SEARCH_COLUMNS)
    )


def _facet_options_from_counts(
    *, counts: dict[str, Counter], params: QueryDict, filterset
) -> dict[str, list[FacetOption]]:
    """The options of every facet from its counts per value (resources.library_index)."""
    # Iterated once here, the filter's queryset keeps its rows for _options' labels.
    slugs = {audience.pk: audience.slug for audience in filterset.filters["audience"].queryset}
    counts["audience"] = Counter(
        {slugs[pk]: n for pk, n in counts["audience"].items() if pk in slugs}
    )
    result = {}
    for name in FACETS:
        selected = set(params.getlist(name))
        if name != "tag":
            result[name] = _options(name, counts[name], filterset, selected)
            continue
        # The most used tags; those tied with the last one kept are ordered by name.
        least = sorted(counts["tag"].values(), reverse=True)[TOP_TAGS - 1 : TOP_TAGS] or [0]
        tags = facets.tag_names([pk for pk, n in counts["tag"].items() if n >= least[0]])
        options = [
            FacetOption(tags[pk][0], tags[pk][1], counts["tag"][pk], tags[pk][0] in selected)
            for pk in tags
        ]
        options.sort(key=lambda option: (-option.count, option.label))
        result[name] = options[:TOP_TAGS]
    return result


def _column_counts(matching, names: list[str]) -> dict[str, Counter]:
    """Counts per value of several column facets, from one GROUP BY over their columns."""
    if not names:
        return {}
    if "year" in names:
        matching = matching.annotate(year=ExtractYear("published_on"))
    rows = matching.values_list(*(COLUMN_FACETS[name] for name in names)).annotate(n=Count("pk"))
    counts = {name: Counter() for name in names}
    for *values, count in rows:
        for name, value in zip(names, values, strict=True):
            counts[name][value] += count
    return counts


def _relation_counts(matching, name: str) -> Counter:
    # Resources without a value form a NULL group, dropped by _options: cheaper than
    # excluding them, which costs the database another pass over the join.
    rows = matching.values_list(RELATION_FACETS[name]).annotate(n=Count("pk", distinct=True))
    return Counter(dict(rows))


def _tag_options(matching, selected: set[str]) -> list[FacetOption]:
    """The most used tags among the matching resources."""
    rows = (
        matching.filter(tags__isnull=False)
        .values_list("tags__slug", "tags__name")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "tags__name")[:TOP_TAGS]
    )
    return [FacetOption(slug, name, count, slug in selected) for slug, name, count in rows]


def _options(name, counts: Counter, filterset, selected: set[str]) -> list[FacetOption]:
    if name == "kind":
        labels = dict(ResourceKind.choices)
    elif name == "year":
        labels = {year: str(year) for year in counts if year is not None}
    else:
        key = "slug" if name == "audience" else "pk"
        labels = {getattr(obj, key): str(obj) for obj in filterset.filters[name].queryset}
    # Values without a label (a theme no longer published, the NULL group) are left out.
    options = [
        FacetOption(str(value), str(labels[value]), count, str(value) in selected)
        for value, count in counts.items()
        if value in labels
    ]
    if name == "kind":
        order = list(labels)
        return sorted(options, key=lambda option: order.index(option.value))
    if name == "year":
        return sorted(options, key=lambda option: option.value, reverse=True)
    return sorted(options, key=lambda option: option.label)


def library_page_listing(*, request) -> dict:
    """What the library page shows: the search, the facets and a page of results."""
    params = request.GET
    query = clean_query(params.get("q", ""))
    sort = params.get("tri") if params.get("tri") in SORTS else SORT_RELEVANCE
    filterset = ResourceFilterSet(params, queryset=Resource.objects.published())
    if filterset.is_valid():
        results, facets, ranked = _library_from_index(
            params=params, query=query, filterset=filterset, sort=sort
        )
    else:
        filterset, queryset, ranked = resource_list_filtered(params=params)
        results = resource_list_sorted(queryset=queryset, ranked=ranked, sort=sort)
        results = results.select_related("publisher", "document").defer(*SEARCH_COLUMNS)
        facets = resource_facet_counts(params=params, filterset=filterset)
    page = Paginator(results, PER_PAGE).get_page(params.get("page"))
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
        **search_hint(params=params, query=query, found=page.paginator.count),
    }


def search_hint(*, params: QueryDict, query: str, found: int) -> dict:
    """What the results say about the query itself: that it holds no word to look for
    (« % », « a »), or « Vouliez-vous dire … ? » with the link running the suggestion."""
    no_words = bool(query) and parse_query(query).is_empty
    suggestion = (
        None if no_words else search_suggestion(query=query, found=found, library_only=True)
    )
    url = None
    if suggestion:
        data = params.copy()
        data["q"] = suggestion
        data.pop("page", None)
        url = "?" + data.urlencode()
    return {"query_without_words": no_words, "suggestion": suggestion, "suggestion_url": url}


def library_page() -> ResourceIndexPage | None:
    return ResourceIndexPage.objects.live().first()


def library_search_url(*, query: str) -> str:
    """The library page searching ``query`` (the site search's « voir toutes » link)."""
    page = library_page()
    return f"{page.url}?{urlencode({'q': query})}" if page else ""


def resource_search(*, query: str):
    """Published resources matching ``query``, the most relevant first."""
    results, _ranked = search.search(Resource.objects.published(), query)
    return results.select_related("publisher").order_by("-rank", "-published_on", "-pk")


def theme_page_resources(*, theme) -> dict:
    """The theme page's latest resources; the rest is one click away in the library,
    filtered on the theme. The « En introduction… » resource is shown above them."""
    resources = theme.resources.published().exclude(pk=theme.intro_resource_id or 0)
    resource_count = resources.count()
    library = library_page() if resource_count > THEME_PAGE_RESOURCES else None
    return {
        "resources": resources.select_related("publisher", "document").order_by(
            "-published_on", "-pk"
        )[:THEME_PAGE_RESOURCES],
        "resource_count": resource_count,
        "more_resources_url": f"{library.url}?theme={theme.pk}" if library else None,
    }


def resource_related(*, resource: Resource):
    """A few other published resources sharing one of its themes, the newest first."""
    return (
        Resource.objects.published()
        .filter(themes__in=resource.themes.all())
        .exclude(pk=resource.pk)
        .select_related("publisher", "document")
        .distinct()
        .order_by("-published_on")[:RELATED_RESOURCES]
    )
