"""/ressources/: the active filters as removable tags, chosen values kept in their facet,
publishers in French order, and a page that works without JavaScript."""

import pytest
from bs4 import BeautifulSoup

from core.models import Partner
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def library(client, **params):
    response = client.get("/ressources/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_active_filters_are_tags_that_remove_themselves_and_keep_the_search(client):
    soup = library(client, q="participation", kind=["jeu", "tribune"], page="2", tri="recent")
    tags = {a["aria-label"]: a["href"] for a in soup.select("a.fr-tag--dismiss")}
    assert tags == {
        "Retirer le filtre Type : Jeu": "/ressources/?q=participation&kind=tribune&tri=recent",
        "Retirer le filtre Type : Tribune": "/ressources/?q=participation&kind=jeu&tri=recent",
    }
    assert soup.find("a", string="Tout effacer")["href"] == "/ressources/?q=participation"


def test_a_chosen_value_left_without_results_stays_to_be_unticked(client):
    soup = library(client, kind="jeu", tag="emploi")
    box = soup.select_one("#facette-kind input[value=jeu]")
    assert box.has_attr("checked")
    assert soup.select_one(f"label[for={box['id']}]").get_text(" ", strip=True) == "Jeu (0)"
    assert soup.find("a", attrs={"aria-label": "Retirer le filtre Type : Jeu"})


def test_publishers_are_in_french_order(client):
    for name in ("Zèbre", "Élan", "Ours"):
        ResourceFactory(publisher=Partner.objects.create(name=name))
    labels = [
        label.contents[0].strip() for label in library(client).select("#facette-publisher label")
    ]
    assert labels.index("Élan") < labels.index("Ours") < labels.index("Zèbre")


def test_without_javascript_the_form_still_applies_and_the_facets_are_a_collapse(client):
    soup = library(client)
    form = soup.select_one("form[data-tec-autofilter]")
    assert form["method"] == "get"
    assert form.find("button", string="Appliquer les filtres")["type"] == "submit"
    toggle = form.select_one("button.tec-filters__toggle")
    panel = soup.find(id=toggle["aria-controls"])
    assert "fr-collapse" in panel["class"] and toggle["aria-expanded"] == "false"
    assert soup.select_one("[data-tec-status]")["aria-live"] == "polite"
