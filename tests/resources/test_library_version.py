"""The library's version (migration 0007), which tells each process its in-memory index
is out of date: it changes with what the page shows, never with a draft, and a number
a rolled-back change took is never handed out again (test_library_version_postgresql
runs the same cases on PostgreSQL)."""

import pytest
from django.db import transaction

from resources.library_index import library_version
from resources.models import Resource
from tests.resources.factories import ResourceFactory
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def changes(operation) -> bool:
    before = library_version()
    operation()
    return library_version() != before


def test_what_the_page_shows_changes_the_version():
    resource = ResourceFactory(title="Guide des conseils citoyens")
    theme = ThemePage.objects.live().first()

    def retitle():
        resource.title = "Guide des conseils de quartier"
        resource.save()

    def add_theme():
        resource.themes.add(theme)
        resource.save()

    assert changes(lambda: ResourceFactory(title="Un autre guide"))
    assert changes(retitle)
    assert changes(add_theme)
    assert changes(lambda: resource.tags.add("quartier") or resource.save())
    assert changes(resource.unpublish)
    assert changes(resource.delete)


def test_a_draft_or_a_save_without_change_keeps_it():
    resource = ResourceFactory(title="Guide des budgets participatifs")

    def draft():
        resource.title = "Brouillon du guide"
        resource.save_revision()

    assert not changes(draft)
    assert not changes(Resource.objects.get(pk=resource.pk).save)


def test_a_rolled_back_change_never_lends_its_number():
    first = library_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        ResourceFactory(title="Jamais enregistré")
        rolled_back = library_version()
        raise RuntimeError
    assert library_version() == first
    ResourceFactory(title="Enregistré")
    assert library_version() not in (first, rolled_back)
