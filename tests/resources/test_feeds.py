"""/ressources/flux.rss and /ressources/flux.atom: new resources in a feed reader."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from resources.models import Resource
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_published_long_ago(db):
    Resource.objects.update(first_published_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))


ATOM = "{http://www.w3.org/2005/Atom}"


def rss(client):
    response = client.get("/ressources/flux.rss")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return ET.fromstring(response.content).find("channel")


def atom(client):
    response = client.get("/ressources/flux.atom")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def publish(title, *, days_ago, **kwargs):
    """A resource published ``days_ago`` by its publisher (its own date), added to the
    library a year later (as demo content or an import is: long after)."""
    kwargs.setdefault("published_on", datetime.date(2030, 1, 1) - datetime.timedelta(days=days_ago))
    return ResourceFactory(
        title=title, first_published_at=timezone.now() + datetime.timedelta(days=365), **kwargs
    )


def test_rss_feed_describes_the_library_in_french(client):
    channel = rss(client)
    assert channel.findtext("title") == "Territoires en Commun — nouvelles ressources"
    assert channel.findtext("description").startswith("Les dernières ressources publiées")
    assert channel.findtext("language") == "fr"
    assert channel.findtext("link") == "http://testserver/ressources/"


def test_rss_items_are_the_newest_published_first_with_absolute_links(client):
    publish("Publiée hier", days_ago=1, summary="Un guide tout neuf.")
    publish("Publiée aujourd'hui", days_ago=0, kind="jeu", tags=["coopération"])
    items = rss(client).findall("item")
    assert [item.findtext("title") for item in items[:2]] == ["Publiée aujourd'hui", "Publiée hier"]
    newest = items[0]
    slug = newest.findtext("link").rsplit("/", 2)[1]
    assert newest.findtext("link") == f"http://testserver/ressources/{slug}/"
    assert client.get(newest.findtext("link")).status_code == 200
    assert [c.text for c in newest.findall("category")] == ["Jeu", "coopération"]
    assert items[1].findtext("description") == "Un guide tout neuf."


def test_drafts_never_reach_the_feeds(client):
    ResourceFactory(title="Brouillon confidentiel", live=False, first_published_at=timezone.now())
    assert "Brouillon confidentiel" not in [
        i.findtext("title") for i in rss(client).findall("item")
    ]
    entries = atom(client).findall(f"{ATOM}entry")
    assert "Brouillon confidentiel" not in [e.findtext(f"{ATOM}title") for e in entries]


def test_feeds_hold_the_30_newest(client):
    for n in range(31):
        publish(f"Ressource {n}", days_ago=n)
    items = rss(client).findall("item")
    assert len(items) == 30
    assert items[0].findtext("title") == "Ressource 0"
    assert items[-1].findtext("title") == "Ressource 29"
    assert len(atom(client).findall(f"{ATOM}entry")) == 30


def test_atom_feed_has_absolute_links_and_dates(client):
    resource = publish("Nouvelle fiche", days_ago=0, slug="nouvelle-fiche")
    feed = atom(client)
    assert feed.findtext(f"{ATOM}title") == "Territoires en Commun — nouvelles ressources"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "http://testserver/ressources/flux.atom"
    )
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Nouvelle fiche"
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/ressources/nouvelle-fiche/"
    # The resource's own publication date, not the moment it was added to the site.
    assert resource.published_on == datetime.date(2030, 1, 1)
    assert entry.findtext(f"{ATOM}published") == "2030-01-01T00:00:00+01:00"


def test_library_page_announces_its_feeds(client):
    soup = BeautifulSoup(client.get("/ressources/").content, "html.parser")
    assert soup.select_one("link[rel=alternate][type='application/rss+xml']")["href"] == (
        "/ressources/flux.rss"
    )
    assert soup.select_one("link[rel=alternate][type='application/atom+xml']")["href"] == (
        "/ressources/flux.atom"
    )
    assert soup.select_one("link[rel=canonical]")  # the page's own meta are kept


def test_feeds_follow_the_search_and_filters_of_the_library(client):
    publish("Guide de la concertation", days_ago=0, kind="guide", summary="Concerter.")
    publish("Jeu de la concertation", days_ago=1, kind="jeu", summary="Concerter.")
    publish("Guide sans rapport", days_ago=2, kind="guide", summary="Autre chose.")
    response = client.get("/ressources/flux.rss?q=concertation&kind=guide&page=3&tri=recent")
    channel = ET.fromstring(response.content).find("channel")
    assert [item.findtext("title") for item in channel.findall("item")] == [
        "Guide de la concertation"
    ]
    assert channel.findtext("title") == (
        "Territoires en Commun — nouvelles ressources pour « concertation »"
    )
    assert channel.findtext("link") == "http://testserver/ressources/?q=concertation&kind=guide"
    entries = ET.fromstring(client.get("/ressources/flux.atom?kind=jeu").content)
    titles = [entry.findtext(f"{ATOM}title") for entry in entries.findall(f"{ATOM}entry")]
    assert "Jeu de la concertation" in titles and "Guide de la concertation" not in titles


def test_the_library_announces_the_feed_of_the_selection_it_shows(client):
    soup = BeautifulSoup(
        client.get("/ressources/?q=emploi&kind=guide&tri=recent").content, "html.parser"
    )
    assert soup.select_one("link[rel=alternate][type='application/rss+xml']")["href"] == (
        "/ressources/flux.rss?q=emploi&kind=guide"
    )
