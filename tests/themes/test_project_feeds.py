"""/projets/flux.rss and /projets/flux.atom: new projects in a feed reader."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.themes.factories import ProjectPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(client):
    response = client.get("/projets/flux.rss")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Territoires en Commun — nouveaux projets"
    assert channel.findtext("language") == "fr"
    assert channel.findtext("link") == "http://testserver/projets/"
    return channel.findall("item")


def test_newest_project_comes_first_with_its_place_and_an_absolute_link(client, project_index):
    ProjectPageFactory(
        parent=project_index,
        title="Budget participatif de Rennes",
        slug="budget-participatif-rennes",
        territory="Ville de Rennes",
        departement="35",
        intro="Les habitants proposent et votent.",
        first_published_at=timezone.now(),
    )
    items = rss_items(client)
    assert len(items) == 9
    newest = items[0]
    assert newest.findtext("title") == "Budget participatif de Rennes"
    assert newest.findtext("link") == "http://testserver/projets/budget-participatif-rennes/"
    assert newest.findtext("description") == (
        "Ville de Rennes, Ille-et-Vilaine — Les habitants proposent et votent."
    )
    assert client.get(newest.findtext("link")).status_code == 200


def test_unpublished_and_private_projects_stay_out(client, project_index):
    ProjectPageFactory(
        parent=project_index,
        title="Projet en brouillon",
        live=False,
        first_published_at=timezone.now(),
    )
    private = ProjectPageFactory(
        parent=project_index, title="Projet réservé", first_published_at=timezone.now()
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    titles = [item.findtext("title") for item in rss_items(client)]
    assert "Projet en brouillon" not in titles and "Projet réservé" not in titles


def test_atom_feed_holds_the_30_newest(client, project_index):
    for n in range(31):
        ProjectPageFactory(
            parent=project_index,
            title=f"Projet {n}",
            first_published_at=timezone.now() - datetime.timedelta(hours=n),
        )
    response = client.get("/projets/flux.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert len(entries) == 30
    assert entries[0].findtext(f"{ATOM}title") == "Projet 0"
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://testserver/projets/")


def test_project_index_announces_its_feeds(client):
    soup = BeautifulSoup(client.get("/projets/").content, "html.parser")
    links = soup.select("head link[rel=alternate]")
    assert {(link["type"], link["href"]) for link in links} >= {
        ("application/rss+xml", "/projets/flux.rss"),
        ("application/atom+xml", "/projets/flux.atom"),
    }
    assert soup.select_one("link[rel=canonical]")
