"""The fixtures of the URL-map fuzz tests (test_url_map_fuzz, _listings, _forms)."""

import pytest
from django.test import Client

from .url_map_probe import Probe, fuzzed_site


@pytest.fixture
def site(db, settings):
    return fuzzed_site(settings)


@pytest.fixture
def probe():
    return Probe(Client(raise_request_exception=False))
