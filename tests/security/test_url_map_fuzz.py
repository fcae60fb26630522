"""Attack: hostile values (NUL and other control characters, very long strings, odd
Unicode, invalid UTF-8, path traversal, junk slugs and ids) in every path parameter of
the URL map, under every type of page, in the query parameters the pages read and in
every field of every public form, by GET and by POST. Whatever is sent, the answer is
a page or a refusal: never a server error (a 500 also mails the team, and for the
sign-up it mailed the password)."""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from wagtail.models import Page

from api.resources import ResourceListParams
from events.filters import EventFilterSet
from events.models import EventIndexPage
from resources.filters import ResourceFilterSet
from tests.collectivites.factories import RepresentativeFactory
from tests.events.factories import EventPageFactory
from tests.votes.factories import CampaignFactory, CandidateFactory, shared_project
from themes.filters import ProjectFilterSet
from votes.models import SharedProjectPage

from .url_map import FORM_VALUES, HOSTILE, RAW, fill, post_forms, routes, segments

pytestmark = pytest.mark.django_db

AGENDA = [*EventFilterSet.base_filters, "page"]
LIBRARY = [*ResourceFilterSet.base_filters, "q", "page", "tri"]
# Each listing with the parameters it reads (the others are ignored, and sent below).
LISTINGS = {
    "/agenda/": AGENDA,
    "/agenda/archives/": AGENDA,
    "/agenda.ics": AGENDA,
    "/ressources/": LIBRARY,
    "/projets/": [*ProjectFilterSet.base_filters, "page"],
    "/recherche/": ["q", "type", "page"],
    "/api/ressources/": [*LIBRARY, *ResourceListParams.base_fields],
    "/api/projets/": [*ProjectFilterSet.base_filters, "q", "page", "page_size"],
    "/collectivites/recherche": ["q", "types"],
    "/besoin/": ["thematique"],
    "/votes/campagne-ouverte/": ["page"],
}
EVERY_NAME = sorted({name for names in LISTINGS.values() for name in names} | {"next", "source"})


class Unlimited(dict):
    """RATE_LIMITS under which no scope ever refuses: the fuzzer must reach the forms."""

    def get(self, key, default=None):
        return "1000000/h"


@pytest.fixture
def site(settings):
    """The demo site, plus a campaign (vote slugs), an event and a projet partagé."""
    settings.RATE_LIMITS = Unlimited()
    campaign = CampaignFactory(slug="campagne-ouverte")
    for title in ("Mobilité", "Alimentation"):
        CandidateFactory(campaign=campaign, title=title)
    EventPageFactory(parent=EventIndexPage.objects.get(), title="Fête du quartier")
    shared_project(title="Projet partagé fuzz")
    return campaign


class Probe:
    """Sends requests and keeps those answered with a server error."""

    def __init__(self, client: Client):
        self.client = client
        self.failures: list[str] = []

    def get(self, url: str, data=None) -> None:
        self._check(f"GET {url[:150]!r} {_short(data)}", self.client.get(url, data))

    def post(self, url: str, data, what: str = "", **extra) -> None:
        self._check(f"POST {url!r} {what}", self.client.post(url, data, **extra))

    def _check(self, request: str, response) -> None:
        if response.status_code >= 500:
            self.failures.append(f"{response.status_code} {request}")

    def report(self) -> str:
        return "\n".join(self.failures)


def _short(data) -> str:
    return repr(data)[:150] if data else ""


@pytest.fixture
def probe():
    return Probe(Client(raise_request_exception=False))


def page_urls() -> list[str]:
    """One live page of each type: the same type serves the same code."""
    by_type = {}
    for page in Page.objects.live().specific().order_by("path"):
        by_type.setdefault(type(page), page.url)
    return [url for url in by_type.values() if url]


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


def fuzz_forms(probe: Probe, urls: list[str]) -> int:
    """Posts every form of these pages, one hostile field at a time; returns the count."""
    posted = 0
    for url in urls:
        response = probe.client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in post_forms(response.content, url):
            for name in form.fields:
                for value in FORM_VALUES:
                    probe.post(form.action, {**form.fields, name: value}, f"{name}={value!r:.40}")
                    posted += 1
                raw = urlencode({**form.fields, name: "x"}).replace(f"{name}=x", f"{name}=%ff")
                probe.post(form.action, raw, f"{name}=%ff", content_type=FORM_ENCODED)
            probe.post(form.action, {**form.fields, "\x00": "1", "a" * 300: "b"}, "junk names")
    return posted


FORM_ENCODED = "application/x-www-form-urlencoded"


def test_every_public_form_survives_hostile_fields(site, probe):
    fixed = [f"/{route}" for route in routes() if "<" not in route]
    kinds = [f"/contribuer/{kind}/" for kind in ("ressource", "evenement", "projet")]
    posted = fuzz_forms(probe, sorted({*fixed, *page_urls(), *kinds}))

    assert not probe.failures, probe.report()
    assert posted > 500  # the forms were found: sign-up, contributions, newsletter…


def test_representative_forms_survive_hostile_fields(site, probe):
    """What a signed-in representative posts: ballots, proposals, registrations."""
    probe.client.force_login(RepresentativeFactory().user)
    urls = [f"/votes/{site.slug}/bulletin/", f"/votes/{site.slug}/proposer/"]
    urls += [page.url for page in SharedProjectPage.objects.live()]
    urls += ["/compte/mot-de-passe/changer/", "/compte/"]  # the last: it logs out
    posted = fuzz_forms(probe, urls)

    assert not probe.failures, probe.report()
    assert posted > 50
