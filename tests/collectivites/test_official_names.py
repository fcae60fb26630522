"""Agents find their collectivité by its official name, written as they write it."""

import pytest

from collectivites.selectors import collectivite_resolve, collectivite_search

pytestmark = pytest.mark.django_db


def first(query):
    found = collectivite_search(query=query, limit=5)
    return found[0].name if found else None


@pytest.mark.parametrize(
    "query",
    [
        "Communauté de communes du Pays de Blain",
        "communaute de communes pays de blain",
        "CC Pays de Blain",
        "CC du Pays de Blain",
        "Pays de Blain",
        "blain pays",
    ],
)
def test_an_epci_is_found_by_its_legal_form_long_or_short(query):
    assert first(query) == "CC du Pays de Blain"


def test_the_legal_form_narrows_to_that_kind_of_epci():
    names = [c.name for c in collectivite_search(query="communauté d'agglomération grand paris")]
    assert names and all(name.startswith("CA ") for name in names)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Ville de Paris", "Paris"),
        ("Mairie de Plessé", "Plessé"),
        ("mairie d'Ajaccio", "Ajaccio"),
        ("Plessé 44630", "Plessé"),
        ("Grand Lyon", "Métropole de Lyon"),
        ("Région Bretagne", "Bretagne"),
        ("Département du Rhône", "Rhône"),
    ],
)
def test_common_ways_of_naming_a_collectivite(query, expected):
    assert first(query) == expected


def test_ville_de_paris_is_the_commune_not_the_departement():
    assert collectivite_search(query="Ville de Paris")[0].kind == "commune"


def test_a_postal_code_beside_the_name_keeps_only_the_communes_it_serves():
    assert [c.name for c in collectivite_search(query="Saint-Denis 93200")] == ["Saint-Denis"]


def test_the_field_accepts_the_official_name_written_otherwise():
    resolved = collectivite_resolve(text="Communauté de communes du Pays de Blain")
    assert resolved.collectivite is not None
    assert resolved.collectivite.name == "CC du Pays de Blain"
    assert collectivite_resolve(text="Mairie de Plessé").collectivite.name == "Plessé"
    assert collectivite_resolve(text="Plessé 44630").collectivite.name == "Plessé"


def test_articles_alone_find_only_names_with_those_words_and_one_letter_nothing():
    assert all(" la " in f" {c.search_name} " for c in collectivite_search(query="de la"))
    assert collectivite_search(query="l'") == []
