"""A new page that Wagtail's autosave created and its author abandoned before saving
blocks no other page of the same title, and the scheduler deletes it once idle."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.models import AutosavedDraft
from core.tasks import purge_abandoned_drafts
from tests.collectivites.factories import UserFactory
from themes.models import ThemeIndexPage, ThemePage

pytestmark = pytest.mark.django_db

TITLE = "Précarité alimentaire"
SLUG = "precarite-alimentaire"


def editor(client, username):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


def theme_form(**extra):
    return nested_form_data(
        {
            "title": TITLE,
            "slug": SLUG,
            "intro": "Des ressources pour agir.",
            "month": "2030-02-14",
            "image": "",
            "image_alt": "",
            "intro_resource": "",
            "body": streamfield([("paragraph", rich_text("<p>Épiceries solidaires</p>"))]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def add_url():
    return f"/admin/pages/add/themes/themepage/{ThemeIndexPage.objects.get().pk}/"


def autosave(client):
    """What the create view's autosave sends while the editor types: JSON, no click."""
    response = client.post(add_url(), theme_form(), HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content.decode()[:2000]
    assert json.loads(response.content)["success"] is True
    return ThemePage.objects.get(slug=SLUG)


def publish(client):
    return client.post(add_url(), theme_form(**{"action-publish": "publish"}))


def idle_for(page, delta):
    Page.objects.filter(pk=page.pk).update(latest_revision_created_at=timezone.now() - delta)


def test_the_author_creates_the_same_title_again_after_abandoning(client):
    editor(client, "redaction@anct.example")
    draft = autosave(client)
    assert not draft.live
    assert AutosavedDraft.objects.filter(page=draft).exists()

    response = publish(client)

    assert response.status_code == 302, response.content.decode()[:2000]
    [page] = ThemePage.objects.filter(slug=SLUG)
    assert page.live and page.pk != draft.pk
    assert not AutosavedDraft.objects.filter(page=page).exists()


def test_a_colleagues_draft_gives_way_only_once_idle(client):
    editor(client, "collegue@anct.example")
    draft = autosave(client)
    editor(client, "redaction@anct.example")

    response = publish(client)
    assert response.status_code == 200
    assert "déjà utilisé" in response.content.decode()
    assert ThemePage.objects.filter(slug=SLUG).get().pk == draft.pk

    idle_for(draft, datetime.timedelta(hours=1))
    assert publish(client).status_code == 302
    assert ThemePage.objects.get(slug=SLUG).live


def test_a_draft_its_author_saved_is_an_ordinary_page(client):
    editor(client, "redaction@anct.example")
    draft = autosave(client)
    response = client.post(f"/admin/pages/{draft.pk}/edit/", theme_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not AutosavedDraft.objects.filter(page=draft).exists()

    idle_for(draft, datetime.timedelta(days=3))
    assert publish(client).status_code == 200
    assert purge_abandoned_drafts() == 0
    assert ThemePage.objects.filter(pk=draft.pk).exists()


def test_the_scheduler_deletes_drafts_left_idle_for_a_day(client):
    editor(client, "redaction@anct.example")
    draft = autosave(client)
    assert purge_abandoned_drafts() == 0

    idle_for(draft, datetime.timedelta(hours=25))

    assert purge_abandoned_drafts() == 1
    assert not Page.objects.filter(pk=draft.pk).exists()
    assert not AutosavedDraft.objects.exists()
