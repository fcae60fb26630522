"""Finding a collectivité by what people type: names, postal codes, INSEE codes, SIREN."""

import pytest

from collectivites.models import Collectivite
from collectivites.selectors import collectivite_search

from .factories import CollectiviteFactory

pytestmark = pytest.mark.django_db


def names(query, **kwargs):
    return [str(c) for c in collectivite_search(query=query, **kwargs)]


@pytest.mark.parametrize(
    "query", ["Saint-Étienne", "saint etienne", "SAINT-ETIENNE", "st-étienne", "St Etienne"]
)
def test_names_are_found_whatever_the_accents_case_hyphens_or_abbreviation(query):
    assert names(query)[0] == "Saint-Étienne (42)"


def test_a_name_prefix_finds_the_most_populated_first():
    found = collectivite_search(query="saint-e", limit=5)
    assert found[0].name == "Saint-Étienne Métropole"  # 400,000 inhabitants
    assert found[1].name == "Saint-Étienne"
    populations = [c.population or 0 for c in found]
    assert populations == sorted(populations, reverse=True)


def test_the_exact_name_comes_before_longer_names_starting_with_it():
    found = names("lyon", limit=5)
    assert found[0] == "Lyon (69)"
    assert "Lyons-la-Forêt (27)" in found
    # « Métropole de Lyon »: a word of the name starts with the query.
    assert "Métropole de Lyon" in [c.name for c in collectivite_search(query="lyon", limit=10)]


def test_a_word_inside_the_name_is_enough():
    assert "Métropole de Lyon" in [c.name for c in collectivite_search(query="metropole de l")]
    assert "Saint-Étienne (42)" in names("etienne")


def test_postal_codes_find_every_commune_they_serve():
    assert names("42000") == ["Saint-Étienne (42)"]
    assert "Lyon (69)" in names("69003")
    # A postal code shared by several communes gives all of them.
    assert len(collectivite_search(query="97100", limit=20)) >= 1


def test_insee_codes_and_siren_find_their_collectivite_first():
    assert names("42218")[0] == "Saint-Étienne (42)"
    assert names("2A004")[0] == "Ajaccio (2A)"
    assert names("214 202 186") == ["Saint-Étienne (42)"]
    assert [c.name for c in collectivite_search(query="200046977")] == ["Métropole de Lyon"]


def test_a_partial_number_searches_codes_by_prefix():
    found = collectivite_search(query="6912", limit=20)
    assert found and all(c.code.startswith("6912") or "6912" in c.postal_codes for c in found)
    assert found[0].code == "69123" or found[0].population >= found[-1].population


def test_kinds_restrict_the_search():
    found = collectivite_search(query="rhone", kinds=["departement"])
    assert [c.label for c in found] == ["Rhône (département)", "Bouches-du-Rhône (département)"]
    assert all(c.kind == "region" for c in collectivite_search(query="a", kinds=["region"]))


def test_collectivites_no_longer_in_the_list_are_not_offered():
    CollectiviteFactory(name="Ancienne-Commune-Fusionnée", is_current=False)
    assert collectivite_search(query="ancienne commune fusionnee") == []


@pytest.mark.parametrize("query", ["", " ", "a", "\x00", "%", "_", "1", "'; drop table", "é" * 500])
def test_junk_gives_nothing_or_little_and_never_fails(query):
    assert len(collectivite_search(query=query)) <= 10


def test_results_are_capped():
    assert len(collectivite_search(query="saint", limit=1000)) == 20
    assert len(collectivite_search(query="saint")) == 10


def test_one_query_whatever_the_number_of_results(django_assert_num_queries):
    with django_assert_num_queries(1):
        collectivite_search(query="saint", limit=20)
    with django_assert_num_queries(1):
        collectivite_search(query="69003")
    assert Collectivite.objects.current().count() > 36000
