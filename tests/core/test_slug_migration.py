"""The data migration that gives old pages the slug « l-aller-vers » for « L'aller vers »."""

import importlib

import pytest
from django.apps import apps as global_apps
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from core.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db

migration = importlib.import_module("core.migrations.0010_page_slugs_keep_elided_words")


def _old_page(parent, title, slug):
    page = ContentPage(title=title, slug="provisoire")
    parent.add_child(instance=page)
    page.save_revision().publish()
    # As a page saved before the slug rule: the admin's slugify without the apostrophe.
    Page.objects.filter(pk=page.pk).update(slug=slug, url_path=f"{parent.url_path}{slug}/")
    revision = page.get_latest_revision()
    revision.content = {**revision.content, "slug": slug}
    revision.save(update_fields=["content"])
    return page


def test_old_slugs_keep_elided_words_and_the_old_address_redirects(client):
    home = HomePage.objects.first()
    page = _old_page(home, "L'aller vers", "laller-vers")
    child = _old_page(Page.objects.get(pk=page.pk), "Une étape", "une-etape")
    migration.forwards(global_apps, None)
    page.refresh_from_db()
    assert page.slug == "l-aller-vers"
    assert client.get("/l-aller-vers/").status_code == 200
    assert client.get("/l-aller-vers/une-etape/").status_code == 200
    assert Page.objects.get(pk=child.pk).url_path.endswith("/l-aller-vers/une-etape/")
    assert Redirect.objects.get(old_path="/laller-vers").redirect_page_id == page.pk
    assert page.get_latest_revision().content["slug"] == "l-aller-vers"


def test_a_taken_slug_or_one_chosen_by_an_editor_is_left_alone():
    home = HomePage.objects.first()
    taken = _old_page(home, "L'écoute", "lecoute")
    _old_page(home, "Écoute l", "l-ecoute")
    chosen = _old_page(home, "L'envol", "envol")
    migration.forwards(global_apps, None)
    assert Page.objects.get(pk=taken.pk).slug == "lecoute"
    assert Page.objects.get(pk=chosen.pk).slug == "envol"
