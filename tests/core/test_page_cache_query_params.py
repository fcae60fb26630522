"""Every query parameter a public page reads is one the page cache keys on: otherwise
its pages would never be cached (safe, but slow)."""

from django.conf import settings

from api.http import PageParams
from api.resources import ResourceListParams
from events.filters import EventFilterSet
from events.page_context import FILTER_NAMES
from resources.filters import ResourceFilterSet
from themes.filters import ProjectFilterSet


def test_filters_of_the_library_agenda_and_projects_are_cache_keys():
    for filterset in (ResourceFilterSet, EventFilterSet, ProjectFilterSet):
        assert set(filterset.base_filters) <= settings.PAGE_CACHE_QUERY_PARAMS, filterset
    assert set(FILTER_NAMES) <= settings.PAGE_CACHE_QUERY_PARAMS


def test_search_sort_and_pages_are_cache_keys():
    api = set(PageParams.base_fields) | set(ResourceListParams.base_fields)
    assert api <= settings.PAGE_CACHE_QUERY_PARAMS
    assert {"q", "type", "tri", "page"} <= settings.PAGE_CACHE_QUERY_PARAMS
