"""``manage.py search_reindex`` counts the vocabulary again from scratch: the words of
the live, public pages the site search covers stay in it, those of a page taken
offline go, a word of a resource and a page counts for both."""

import io

import pytest
from django.core.management import call_command

from resources.models import SearchTerm
from tests.resources.factories import ResourceFactory
from tests.themes.factories import ProjectPageFactory
from themes.models import ProjectIndexPage

pytestmark = pytest.mark.django_db


def published_project(title: str):
    project = ProjectPageFactory(parent=ProjectIndexPage.objects.get(), title=title, live=False)
    project.save_revision().publish()
    project.refresh_from_db()  # publishing works on a copy: read back « live »
    return project


def frequencies(*words: str) -> dict[str, int]:
    return dict(SearchTerm.objects.filter(word__in=words).values_list("word", "frequency"))


def test_search_reindex_keeps_the_words_of_the_published_pages():
    kept = published_project("Les tonneliers de Mirecourt")
    kept.save_revision().publish()  # each publication counts again, until the reindex
    gone = published_project("Les bourreliers de Kerlouan")
    gone.unpublish()
    ResourceFactory(title="Guide du tonnelier")
    assert frequencies("tonneliers", "tonnelier", "bourreliers") == {
        "tonneliers": 2,
        "tonnelier": 3,
        "bourreliers": 1,
    }
    call_command("search_reindex", stdout=io.StringIO())
    assert frequencies("tonneliers", "tonnelier", "bourreliers") == {
        "tonneliers": 1,
        "tonnelier": 2,
    }
