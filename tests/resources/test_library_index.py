"""The library page reads its results and facet counts from the in-memory index
(resources.library_index): for every kind of criteria it shows what the SQL of the API
and the feeds finds, and what the ORM's joins count (test_library_index_postgresql
runs the same cases on PostgreSQL)."""

import pytest
from django.http import QueryDict
from django.test import RequestFactory

from bench.random_content import random_content_create
from resources import library_index
from resources.models import Audience, Resource
from resources.selectors import (
    PER_PAGE,
    library_page_listing,
    resource_facet_counts,
    resource_list_filtered,
    resource_list_sorted,
)

pytestmark = pytest.mark.django_db


def sql_listing(query: str) -> tuple[list[int], int, dict]:
    """The same page through SQL: the facet arrays' filters and the ORM's facet counts."""
    params = QueryDict(query)
    filterset, queryset, ranked = resource_list_filtered(params=params)
    ordered = resource_list_sorted(queryset=queryset, ranked=ranked, sort=params.get("tri", ""))
    page = int(params.get("page", 1))
    ids = list(ordered.values_list("pk", flat=True)[(page - 1) * PER_PAGE : page * PER_PAGE])
    facets = resource_facet_counts(params=params, filterset=filterset)
    return ids, queryset.count(), counted(facets)


def index_listing(query: str) -> tuple[list[int], int, dict]:
    listing = library_page_listing(request=RequestFactory().get(f"/ressources/?{query}"))
    facets = {group["name"]: group["options"] for group in listing["facet_groups"]}
    return [r.pk for r in listing["items"]], listing["items"].paginator.count, counted(facets)


def counted(facets: dict) -> dict:
    return {
        name: sorted((option.value, option.count) for option in options)
        for name, options in facets.items()
        if options
    }


@pytest.fixture
def library():
    content = random_content_create(resources=160, seed=11, projects=0)
    resources = Resource.objects.filter(pk__in=content.resource_ids)
    theme = resources.filter(themes__isnull=False).values_list("themes", flat=True).first()
    tag = resources.filter(tags__isnull=False).values_list("tags__name", flat=True).first()
    year = resources.values_list("published_on__year", flat=True).first()
    publisher = resources.filter(publisher__isnull=False).values_list("publisher", flat=True)
    return {"theme": theme, "tag": tag, "year": year, "publisher": publisher.first()}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=participation",
        "q=budget+participatif",
        "q=%22budget+participatif%22",
        "q=participation+-jeunes",
        "q=participation&tri=recent",
        "q=participation&page=2",
        "audience=elus&theme={theme}",
        "q=concertation&audience=elus&audience=agents&kind=guide&kind=outil",
        "year={year}&publisher={publisher}",
        "tag={tag}",
        "q=emploi&tag={tag}&year={year}",
        "q=zzzzzz",
        "tag=..%2F..%2F&q=participation",
    ],
)
def test_the_page_shows_what_sql_finds_and_counts(library, query):
    query = query.format(**library)
    assert index_listing(query) == sql_listing(query)


def test_a_query_without_words_lists_and_counts_nothing(library):
    ids, total, facets = index_listing("q=%25")
    assert (ids, total, facets) == ([], 0, {})


def test_a_change_is_shown_at_once(library):
    index_listing("q=participation")  # the index is built
    resource = Resource.objects.published().first()
    resource.title = "Le zeppelin de la participation"
    resource.save()
    assert index_listing("q=zeppelin")[:2] == ([resource.pk], 1)
    resource.unpublish()
    assert index_listing("q=zeppelin")[:2] == ([], 0)


def test_a_value_chosen_with_no_result_keeps_the_others_counted(library):
    Audience.objects.ensure_defaults()
    query = "q=zzzzzz&audience=elus"
    assert index_listing(query) == sql_listing(query)


def test_forgetting_the_index_changes_no_answer(library):
    before = index_listing("q=participation&audience=elus")
    library_index.forget()
    assert index_listing("q=participation&audience=elus") == before
