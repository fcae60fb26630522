"""/recherche/ suggests « Vouliez-vous dire … ? » from the words of the published pages
it searches too (projects, events…), not only from the library's."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, PageViewRestriction

from events.models import EventIndexPage
from resources.models import SearchTerm
from tests.events.factories import EventPageFactory
from tests.resources.factories import ResourceFactory
from tests.themes.factories import ProjectPageFactory
from themes.models import ProjectIndexPage

pytestmark = pytest.mark.django_db


def search(client, query) -> BeautifulSoup:
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def known(*words: str) -> set[str]:
    return set(SearchTerm.objects.filter(word__in=words).values_list("word", flat=True))


def published_project(**fields):
    project = ProjectPageFactory(parent=ProjectIndexPage.objects.get(), live=False, **fields)
    project.save_revision().publish()
    return project


def test_a_typo_of_a_word_found_only_in_a_project_gets_a_suggestion(client):
    assert not known("vannerie")
    published_project(title="La grève de la vannerie de Mirecourt")
    soup = search(client, "vanneire")
    link = soup.select_one(".tec-search-suggestion a")
    assert link is not None and "vannerie" in link.get_text()
    results = BeautifulSoup(client.get("/recherche/" + link["href"]).content, "html.parser")
    titles = {a.get_text(strip=True) for a in results.select(".tec-search-results h3 a")}
    assert "La grève de la vannerie de Mirecourt" in titles


def test_the_chapeau_and_the_body_give_their_words_without_their_tags():
    published_project(
        title="Un atelier au village",
        intro="Des osiéricultrices invitent les habitants.",
        body=[{"type": "paragraph", "value": "<p>Une <strong>saulaie</strong> partagée.</p>"}],
    )
    assert known("osiericultrices", "osiericultrice", "saulaie") == {
        "osiericultrices",
        "osiericultrice",
        "saulaie",
    }
    assert not known("strong")


def test_an_event_gives_its_words_too():
    event = EventPageFactory(
        parent=EventIndexPage.objects.get(), title="Rencontre des ferronniers d'art", live=False
    )
    event.save_revision().publish()
    assert known("ferronniers", "ferronnier") == {"ferronniers", "ferronnier"}


def test_a_private_page_or_one_the_search_skips_keeps_its_words():
    private = ProjectPageFactory(
        parent=ProjectIndexPage.objects.get(), title="Les chaumières de Kerbrat", live=False
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    private.save_revision().publish()
    plain = Page(title="Les marguilliers de Kerlouan", slug="marguilliers")
    Page.objects.get(depth=1).add_child(instance=plain)
    plain.save_revision().publish()
    assert not known("chaumieres", "kerbrat", "marguilliers", "kerlouan")


def test_the_library_suggests_only_words_that_find_resources(client):
    published_project(title="La grève de la vannerie de Mirecourt")
    ResourceFactory(title="Guide de la tapisserie participative")

    def library_hint(query):
        response = client.get("/ressources/", {"q": query})
        hint = BeautifulSoup(response.content, "html.parser").select_one(".tec-search-suggestion")
        return hint.get_text(" ", strip=True) if hint else ""

    assert "tapisserie" in library_hint("tapissreie")
    assert "vannerie" not in library_hint("vanneire")
    assert "vannerie" in search(client, "vanneire").select_one(".tec-search-suggestion").get_text()
