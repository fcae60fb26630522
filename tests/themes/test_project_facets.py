"""/projets/: each facet says how many projects each value gives, only the values that
give some, in French order; the active filters are tags that remove themselves."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from core.facets import french_key
from tests.themes.factories import ProjectPageFactory

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get("/projets/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def facet(soup, name):
    return [
        (label.contents[0].strip(), int(label.select_one(".tec-count").get_text().strip("()")))
        for label in soup.select(f"#facette-{name} label")
        if label.select_one(".tec-count")
    ]


def test_regions_have_counts_only_with_projects_in_french_order(client, project_index):
    ProjectPageFactory(parent=project_index, title="À Dijon", region="27")
    ProjectPageFactory(parent=project_index, title="À Lyon", region="84")
    regions = facet(page(client), "region")
    assert ("Île-de-France", 2) in regions
    assert ("Bourgogne-Franche-Comté", 1) in regions
    assert "Corse" not in [label for label, _count in regions]
    # « Île-de-France » among the I, not after « Pays de la Loire » or « Occitanie ».
    assert [label for label, _ in regions] == sorted(
        (label for label, _ in regions), key=french_key
    )
    assert [label for label, _ in regions] == [
        "Auvergne-Rhône-Alpes",
        "Bourgogne-Franche-Comté",
        "Île-de-France",
    ]


def test_theme_counts_keep_the_other_filters(client):
    themes = dict(facet(page(client, region="11"), "theme"))
    assert themes == {"Retour à l'emploi": 2}


def test_active_filters_are_tags_that_remove_themselves(client):
    soup = page(client, region="11", tag="Formation", page="1")
    tags = {a["aria-label"]: a["href"] for a in soup.select("a.fr-tag--dismiss")}
    assert tags == {
        "Retirer le filtre Région : Île-de-France": "/projets/?tag=Formation",
        "Retirer le filtre Mot-clé : Formation": "/projets/?region=11",
    }


def test_the_page_announces_the_feed_of_its_selection(client):
    soup = page(client, region="11", page="1")
    assert soup.select_one("link[type='application/rss+xml']")["href"] == (
        "/projets/flux.rss?region=11"
    )


def test_project_feed_follows_the_filters(client):
    response = client.get("/projets/flux.rss?region=11")
    channel = ET.fromstring(response.content).find("channel")
    assert {item.findtext("title") for item in channel.findall("item")} == {
        "Collectif Repérages",
        "Handipacte Île-de-France",
    }
