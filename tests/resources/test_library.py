"""The public library /ressources/: search, combinable filters, facet counts, sort, pages."""

import datetime

import pytest
from bs4 import BeautifulSoup

from resources.models import Audience, ResourceKind
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def library(client, **params):
    response = client.get("/ressources/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".fr-card__title a")]


def facet(soup, name):
    """{label: count} of one facet, as the visitor reads it."""
    options = {}
    for label in soup.select(f"#facette-{name} label"):
        count = label.select_one(".tec-count")
        if count:
            options[label.contents[0].strip()] = int(count.get_text().strip("()"))
    return options


def test_library_lists_every_published_resource_newest_first(client):
    soup = library(client)
    assert "8 ressources" in soup.select_one("[role=status]").get_text()
    dates = [p.get_text() for p in soup.select(".fr-card__detail")]
    assert dates[0].endswith("septembre 2022") and dates[-1].endswith("décembre 2021")


def test_search_ignores_accents_and_case(client):
    ResourceFactory(title="Associer les élus au budget participatif")
    assert titles(library(client, q="ELUS budget")) == ["Associer les élus au budget participatif"]


def test_search_folds_french_plurals(client):
    found = titles(library(client, q="emplois"))
    assert "Être bénévole ou volontaire : un tremplin vers l'emploi ?" in found


def test_search_and_filters_combine(client):
    ResourceFactory(title="Jeu de l'emploi local", kind=ResourceKind.GAME, tags=["emploi"])
    ResourceFactory(title="Guide de l'emploi local", kind=ResourceKind.GUIDE)
    soup = library(client, q="emploi local", kind=ResourceKind.GAME)
    assert titles(soup) == ["Jeu de l'emploi local"]
    both = library(client, q="emploi local", kind=[ResourceKind.GAME, ResourceKind.GUIDE])
    assert set(titles(both)) == {"Jeu de l'emploi local", "Guide de l'emploi local"}


def test_facet_counts_reflect_the_other_criteria(client):
    soup = library(client, q="participation")
    kinds = facet(soup, "kind")
    assert sum(kinds.values()) == int(soup.select_one("[role=status]").get_text().split()[0])
    selected = library(client, q="participation", kind="jeu")
    # The kind facet still offers the other kinds, with the counts they would give.
    assert facet(selected, "kind") == kinds
    assert titles(selected) == [
        "Un jeu pour convaincre les non-convaincus de la participation citoyenne"
    ]


def test_filter_by_audience_year_publisher_and_theme(client):
    elus = Audience.objects.get(slug="elus")
    ResourceFactory(
        title="Former les élus", audiences=[elus], published_on=datetime.date(2019, 5, 2)
    )
    assert titles(library(client, audience="elus", year=2019)) == ["Former les élus"]
    assert "2019" in facet(library(client), "year")
    assert titles(library(client, publisher=_partner_id("ICPC"))) == [
        "L'évaluation de la participation"
    ]


def _partner_id(name):
    from core.models import Partner

    return Partner.objects.get(name=name).pk


def test_filter_by_tag(client):
    assert titles(library(client, tag="benevolat")) == [
        "Être bénévole ou volontaire : un tremplin vers l'emploi ?"
    ]


def test_sort_by_newest_overrides_relevance(client):
    old = ResourceFactory(
        title="Participation participation participation", published_on=datetime.date(2016, 1, 1)
    )
    recent = ResourceFactory(
        title="Une note sur la participation", published_on=datetime.date(2026, 1, 1)
    )
    relevant = titles(library(client, q="participation"))
    newest = titles(library(client, q="participation", tri="recent"))
    assert newest[0] == recent.title
    assert relevant.index(old.title) < len(relevant)  # found either way


def test_drafts_are_never_listed(client):
    ResourceFactory(title="Ressource en préparation", live=False)
    assert "Ressource en préparation" not in titles(library(client, q="préparation"))


def test_empty_state_offers_to_clear_the_criteria(client):
    soup = library(client, q="introuvable", kind="mooc")
    assert "Aucune ressource ne correspond" in soup.select_one(".fr-notice").get_text()
    assert soup.find("a", string="Effacer la recherche et les filtres")["href"] == "/ressources/"
    assert soup.select_one("#library-q")["value"] == "introuvable"


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"'},
        {"q": "'"},
        {"q": "&"},
        {"q": "!"},
        {"q": "OR"},
        {"q": "-"},
        {"q": ":*"},
        {"q": "(emploi"},
        {"q": "x" * 2000},
        {"q": 'é"*|&!:()<>' * 200},
        {
            "year": "abc",
            "kind": "zzz",
            "theme": "999999",
            "audience": "?",
            "page": "-1",
            "tri": "x",
        },
    ],
)
def test_junk_never_breaks_the_library(client, params):
    soup = library(client, **params)
    assert soup.select_one("main h1").get_text(strip=True) == "Ressources"
    assert len(soup.select_one("#library-q")["value"]) <= 200


def test_invalid_filters_are_reported_not_applied(client):
    soup = library(client, year="abc")
    assert "n'a pas été reconnu" in soup.select_one(".fr-alert").get_text()
    assert "8 ressources" in soup.select_one("[role=status]").get_text()


def test_library_paginates_with_constant_queries(client, django_assert_max_num_queries):
    ResourceFactory(title="Guide pratique initial", tags=["mot"], kind=ResourceKind.GUIDE)
    client.get("/ressources/", {"q": "guide"})
    with django_assert_max_num_queries(40) as captured:
        client.get("/ressources/", {"q": "guide"})
    baseline = len(captured.captured_queries)
    for n in range(29):
        ResourceFactory(title=f"Guide pratique {n}", tags=[f"mot-{n}"], kind=ResourceKind.GUIDE)
    # On PostgreSQL the first page after a change reads the library again (resources.
    # library_index, counted by test_library_queries_postgresql): compared warm.
    client.get("/ressources/", {"q": "guide"})
    with django_assert_max_num_queries(baseline):
        response = client.get("/ressources/", {"q": "guide"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".fr-card")) == 20
    assert soup.select_one("nav.fr-pagination")
    page_two = library(client, q="guide", page=2)
    assert len(page_two.select(".fr-card")) == 10


@pytest.mark.parametrize(
    "params",
    [
        {"year": "0"},
        {"year": "-3"},
        {"year": "99999"},
        {"year": "2019.5"},
        {"theme": "99999999999999999999999"},
        {"publisher": "99999999999999999999999"},
        {"publisher": "-1"},
        {"tag": "a\x00b"},
    ],
)
def test_values_no_database_can_hold_are_refused_not_crashed_on(client, params):
    soup = library(client, **params)
    assert "n'a pas été reconnu" in soup.select_one(".fr-alert").get_text()
    assert "8 ressources" in soup.select_one("[role=status]").get_text()


def test_a_null_character_in_a_slug_choice_is_refused(client):
    soup = library(client, audience="elus\x00")
    assert "n'a pas été reconnu" in soup.select_one(".fr-alert").get_text()


def test_a_resource_in_two_selected_themes_is_listed_once(client):
    from themes.models import ThemePage

    both = list(ThemePage.objects.filter(slug__in=["retour-a-l-emploi", "petite-enfance"]))
    ResourceFactory(title="Crèches à vocation d'insertion professionnelle", themes=both)
    soup = library(client, theme=[theme.pk for theme in both], q="crèches")
    assert titles(soup) == ["Crèches à vocation d'insertion professionnelle"]
