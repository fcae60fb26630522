"""The library's French search, as a visitor types it: stems, whole words, stop words,
quotes, « -mot », and the index kept in step with every save and delete.

Run on SQLite (FTS5) here, and on PostgreSQL (tsvector) by test_search_french_postgresql.
"""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from resources import search
from resources.models import Resource
from resources.selectors import library_page
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

SUMMARY = "Une ressource pour les collectivités."


def make(title: str, summary: str = SUMMARY, **fields) -> Resource:
    return ResourceFactory(title=title, summary=summary, **fields)


def found(query: str, *resources: Resource) -> list[str]:
    """Titles found among ``resources`` (the demo content is left out), best first."""
    queryset = Resource.objects.filter(pk__in=[r.pk for r in resources])
    results, ranked = search.search(queryset, query)
    order = ("-rank", "-published_on") if ranked else ("-published_on",)
    return list(results.order_by(*order).values_list("title", flat=True))


def library(client, query: str) -> BeautifulSoup:
    response = client.get(library_page().url, {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_participatif_finds_participative_and_participation():
    a = make("Une démarche participative en milieu rural")
    b = make("Évaluer la participation des habitants")
    assert set(found("participatif", a, b)) == {a.title, b.title}


def test_plurals_and_verbs_find_their_family():
    jeu = make("Un jeu de plateau sur la ville")
    concertation = make("Réussir une concertation préalable")
    emploi = make("Retour à l'emploi des seniors")
    assert found("jeux", jeu, concertation, emploi) == [jeu.title]
    assert found("concerter", jeu, concertation, emploi) == [concertation.title]
    assert found("emplois", jeu, concertation, emploi) == found("emploi", jeu, concertation, emploi)


def test_whole_words_only():
    jeu = make("Un jeu coopératif")
    jeunes = make("Les jeunes et la citoyenneté")
    assert found("jeu", jeu, jeunes) == [jeu.title]


def test_accents_and_case_are_folded():
    elus = make("Le guide des Élus engagés")
    assert found("ELUS", elus) == found("élus", elus) == found("elu", elus) == [elus.title]


def test_quotes_ask_for_the_words_side_by_side():
    together = make("Lancer un budget participatif")
    apart = make("Le budget de la démarche participative")
    assert set(found("budget participatif", together, apart)) == {together.title, apart.title}
    assert found('"budget participatif"', together, apart) == [together.title]


def test_a_minus_excludes_a_word():
    kept = make("Mobilité et emploi")
    dropped = make("Mobilité des jeunes")
    assert found("mobilité -jeunes", kept, dropped) == [kept.title]
    assert found('mobilité -"des jeunes"', kept, dropped) == [kept.title]


def test_tags_themes_and_publisher_are_searched_too():
    tagged = make("Un guide", tags=["Inclusion numérique"])
    assert found("numérique", tagged) == [tagged.title]


@pytest.mark.parametrize("query", ["a", "%", "*", "😀", "le la des", "-emploi", "« »"])
def test_a_query_without_words_finds_nothing_and_says_why(client, query):
    make("Retour à l'emploi")
    soup = library(client, query)
    assert soup.select_one(".tec-results-bar [role=status]").get_text().startswith("0 ressource")
    assert "ne contient aucun mot à chercher" in soup.select_one(".tec-search-hint").get_text()
    assert not soup.select(".tec-card-list li")


def test_the_index_follows_every_save_and_delete():
    resource = make("Guide de la médiation")
    assert found("médiation", resource) == [resource.title]
    resource.title = "Guide de la concertation"
    resource.save()
    assert found("médiation", resource) == []
    assert found("concertation", resource) == [resource.title]
    pk = resource.pk
    resource.delete()
    results, _ranked = search.search(Resource.objects.all(), "concertation")
    assert pk not in set(results.values_list("pk", flat=True))


def test_title_weighs_more_than_summary_and_recent_breaks_ties():
    in_summary = make("Un guide", summary="Tout sur la gouvernance partagée.")
    in_title = make("La gouvernance partagée", summary="Un guide.")
    older = make("Une gouvernance", summary="Un guide.")
    newer = make("Une gouvernance", summary="Un guide.")
    results = found("gouvernance", in_summary, in_title, older, newer)
    assert results.index(in_title.title) < results.index(in_summary.title)
    ranked = list(
        search.search(Resource.objects.filter(pk__in=[older.pk, newer.pk]), "gouvernance")[0]
        .order_by("-rank", "-published_on")
        .values_list("pk", flat=True)
    )
    assert ranked == [newer.pk, older.pk]


def test_a_typo_gets_a_suggestion_that_runs_in_one_click(client):
    make("Les clés de la participation citoyenne")
    soup = library(client, "particpation")
    link = soup.select_one(".tec-search-suggestion a")
    assert link is not None and "participation" in link.get_text()
    soup = BeautifulSoup(client.get(library_page().url + link["href"]).content, "html.parser")
    titles = [a.get_text(strip=True) for a in soup.select(".tec-card-list h3")]
    assert "Les clés de la participation citoyenne" in titles


def test_no_suggestion_when_the_query_finds_enough(client):
    for n in range(3):
        make(f"Participation numéro {n}")
    assert library(client, "participation").select_one(".tec-search-suggestion") is None


def test_search_reindex_analyses_every_resource_again():
    resource = make("La démocratie alimentaire")
    Resource.objects.filter(pk=resource.pk).update(
        index_title="", index_summary="", search_vector=None
    )
    assert found("alimentaire", resource) == []
    call_command("search_reindex", stdout=io.StringIO())
    assert found("alimentaires", resource) == [resource.title]
