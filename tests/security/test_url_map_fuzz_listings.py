"""Attack: each filter of each listing (agenda, library, projects, API…) alone set to a
hostile value, among good ones: one bad filter must not hide another's crash. Never a
server error (the URL map's other probes: test_url_map_fuzz, test_url_map_fuzz_forms)."""

from urllib.parse import quote

import pytest

from .url_map import HOSTILE, RAW
from .url_map_probe import LISTINGS

pytestmark = pytest.mark.django_db


def test_listings_survive_each_hostile_filter_alone(site, probe):
    """One bad filter among good ones must not hide another's crash (agenda, library…)."""
    for url, names in LISTINGS.items():
        for name in names:
            for value in HOSTILE:
                probe.get(url, {name: value})
            for raw in RAW:
                probe.get(f"{url}?{name}={raw}")
            probe.get(f"{url}?{name}=1&{name}=2&{quote(HOSTILE[0])}{name}=1")

    assert not probe.failures, probe.report()
