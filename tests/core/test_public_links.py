"""Every absolute link a page, a feed, the API or an e-mail carries is on SITE_URL.

The requests arrive by the test client's own host (``testserver``): a link built from
the request, or from a Wagtail Site left at Wagtail's ``localhost:80``, shows up here.
"""

import datetime
import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from wagtail.models import Page, Site, get_page_models

from contributions.services import contribution_approve
from core.services import site_sync_with_setting
from events.models import EventIndexPage
from newsletter.models import NewsletterIssuePage
from newsletter.services import issue_assemble, issue_send_trial
from resources.models import Resource
from tests.collectivites.factories import UserFactory
from tests.contributions.factories import ContributionFactory
from tests.contributions.helpers import resource_data, submit
from tests.events.factories import EventPageFactory
from tests.resources.factories import ResourceFactory
from tests.votes.factories import CampaignFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://territoires.example.gouv.fr"
WRONG_HOSTS = {"localhost", "127.0.0.1", "testserver"}
URL = re.compile(r"""https?://[^\s"'<>()\\]+""")
PAGE_TYPES = [model for model in get_page_models() if model is not Page]


@pytest.fixture(autouse=True)
def public_site(settings):
    """SITE_URL set to a public address and the Wagtail Site synced, as in production."""
    previous = settings.SITE_URL
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = PUBLIC
    site_sync_with_setting()
    yield
    # Back to the suite's address, so that Wagtail's cached site root paths follow.
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = previous
    site_sync_with_setting()


def absolute_urls(text: str) -> list[str]:
    # Share buttons carry the address URL-encoded, and HTML escapes ampersands.
    return URL.findall(unquote(html.unescape(text)))


def assert_public(text: str, *, expect_public: bool = True) -> None:
    urls = absolute_urls(text)
    wrong = [url for url in urls if urlsplit(url).hostname in WRONG_HOSTS]
    assert not wrong, f"links on a wrong host: {wrong[:5]}"
    if expect_public:
        assert any(url.startswith(f"{PUBLIC}/") or url == PUBLIC for url in urls), "none public"


def fetched(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def assert_page_links_public(body: str) -> None:
    """Canonical, og:url, og:image and the share buttons start with SITE_URL."""
    assert_public(body)
    soup = BeautifulSoup(body, "html.parser")
    canonical = soup.find("link", rel="canonical")
    assert canonical is not None
    assert canonical["href"].startswith(f"{PUBLIC}/")
    for prop in ("og:url", "og:image"):
        meta = soup.find("meta", property=prop)
        if meta is not None:
            assert meta["content"].startswith(f"{PUBLIC}/"), prop
    for share in soup.select(".fr-share a"):
        query = parse_qs(urlsplit(share["href"]).query)
        shared = (query.get("u") or query.get("url") or query.get("body"))[0]
        assert shared.startswith(f"{PUBLIC}/"), share["href"]


def test_the_site_follows_site_url():
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "territoires.example.gouv.fr",
        443,
        PUBLIC,
    )
    assert Page.objects.live().exclude(depth=1).first().specific.full_url.startswith(PUBLIC)


def test_sync_site_command_sets_the_site(settings):
    settings.SITE_URL = "http://territoires.example.org:8080"
    call_command("sync_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://territoires.example.org:8080"


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_links_to_the_public_address(client, model):
    page = model.objects.live().public().exact_type(model).first()
    if model.__name__ == "EventPage":
        # An event with a picture: its og:image and its JSON-LD image are links too.
        image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
        page = EventPageFactory(
            parent=EventIndexPage.objects.live().first(), image=image, image_alt="Une salle"
        )
    if page is None:
        pytest.fail(f"no live {model.__name__} in the demo content")
    assert_page_links_public(fetched(client, page.url))


def test_a_resource_page_links_to_the_public_address(client):
    resource = ResourceFactory()
    assert_page_links_public(fetched(client, resource.get_absolute_url()))


def test_the_agenda_archive_links_to_the_public_address(client):
    agenda = EventIndexPage.objects.live().first()
    assert_page_links_public(fetched(client, agenda.url + agenda.reverse_subpage("archives")))


def test_campaign_results_and_exports_link_to_the_public_address(client):
    campaign = CampaignFactory()
    assert_public(fetched(client, campaign.get_absolute_url()), expect_public=False)
    assert_public(fetched(client, f"{campaign.get_absolute_url()}resultats.json"))
    assert_public(fetched(client, "/recherche/?q=budget"), expect_public=False)


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap.xml",
        "/ressources/flux.rss",
        "/ressources/flux.atom",
        "/projets/flux.rss",
        "/projets/flux.atom",
        "/agenda/flux.rss",
        "/agenda/flux.atom",
        "/newsletter/archives/flux.rss",
        "/agenda.ics",
        "/api/",
        "/api/openapi.json",
        "/api/ressources/?page_size=1",
        "/api/projets/?page_size=1",
    ],
)
def test_feeds_sitemap_calendar_and_api_link_to_the_public_address(client, path):
    body = fetched(client, path)
    if path.endswith(".ics"):
        body = body.replace("\r\n ", "")  # iCalendar folds its long lines
    assert_public(body)


def test_an_event_calendar_file_links_to_the_public_address(client):
    event = EventPageFactory(parent=EventIndexPage.objects.live().first())
    body = fetched(client, f"/agenda/{event.slug}.ics").replace("\r\n ", "")
    assert_public(body)
    assert f"URL:{PUBLIC}{event.url}" in body


def assert_mails_public(messages) -> None:
    assert messages
    for message in messages:
        assert_public(message.body)
        for content, _type in getattr(message, "alternatives", []):
            assert_public(content)


def test_signup_and_contribution_emails_link_to_the_public_address(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/newsletter/inscription/",
            {"source": "page", "email": "liens@exemple.fr"},
            REMOTE_ADDR="203.0.113.90",
        )
    submit(client, "ressource", resource_data(), django_capture_on_commit_callbacks)
    assert {tuple(message.to) for message in mail.outbox} == {
        ("liens@exemple.fr",),
        ("anne.martin@reze.example.fr",),
    }
    assert_mails_public(mail.outbox)


def test_a_publication_email_links_to_the_public_address(django_capture_on_commit_callbacks):
    moderator = UserFactory(is_staff=True, is_superuser=True)
    contribution = ContributionFactory(email="publie@exemple.fr")
    with django_capture_on_commit_callbacks(execute=True):
        contribution_approve(contribution=contribution, moderator=moderator)
    assert Resource.objects.filter(title=contribution.title).exists()
    assert_mails_public([m for m in mail.outbox if m.to == ["publie@exemple.fr"]])


def test_a_newsletter_issue_links_to_the_public_address():
    issue = issue_assemble(month=datetime.date(2026, 12, 1)).issue
    assert isinstance(issue, NewsletterIssuePage)
    issue_send_trial(issue=issue, addresses=["essai@exemple.fr"])
    assert_mails_public(mail.outbox)
    assert f"{PUBLIC}{issue.url}" in mail.outbox[0].body  # « voir dans le navigateur »
