"""What the URL-map fuzz tests share (test_url_map_fuzz, _listings, _forms): the site
they probe, the probe that records every 5xx, the listings and their filters, and the
form poster. Split in three modules so that parallel runs share them out."""

from urllib.parse import urlencode

from django.test import Client
from wagtail.models import Page

from api.resources import ResourceListParams
from events.filters import EventFilterSet
from events.models import EventIndexPage
from resources.filters import ResourceFilterSet
from tests.events.factories import EventPageFactory
from tests.votes.factories import CampaignFactory, CandidateFactory, shared_project
from themes.filters import ProjectFilterSet

from .url_map import FORM_VALUES, post_forms

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


def fuzzed_site(settings):
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


def page_urls() -> list[str]:
    """One live page of each type: the same type serves the same code."""
    by_type = {}
    for page in Page.objects.live().specific().order_by("path"):
        by_type.setdefault(type(page), page.url)
    return [url for url in by_type.values() if url]


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
