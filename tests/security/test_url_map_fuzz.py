"""Attack: hostile values (NUL and other control characters, very long strings, odd
Unicode, invalid UTF-8, path traversal, junk slugs and ids) in every path parameter of
the URL map, under every type of page and in the query parameters the pages read, by
GET and by POST. Whatever is sent, the answer is a page or a refusal: never a server
error (each filter alone: test_url_map_fuzz_listings; the forms: test_url_map_fuzz_forms)."""

import pytest

from .url_map import HOSTILE, RAW, fill, routes, segments
from .url_map_probe import EVERY_NAME, LISTINGS, page_urls

pytestmark = pytest.mark.django_db


def test_every_route_survives_hostile_path_parameters(site, probe):
    for route in routes():
        if "<" not in route:
            continue
        for segment in segments():
            probe.get(fill(route, segment))
        for segment in segments()[:3]:
            probe.post(fill(route, segment), {"x": "1"})
    for url in page_urls():
        for segment in segments():
            probe.get(f"{url}{segment}/")

    assert not probe.failures, probe.report()


def test_every_page_survives_hostile_query_parameters(site, probe):
    fixed = [f"/{route}" for route in routes() if "<" not in route]
    for url in sorted({*fixed, *page_urls(), *LISTINGS}):
        for value in HOSTILE:
            probe.get(url, {name: value for name in EVERY_NAME})
        for raw in RAW:
            probe.get(f"{url}?{'&'.join(f'{name}={raw}' for name in EVERY_NAME)}")

    assert not probe.failures, probe.report()
