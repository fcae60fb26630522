"""The assembled issue is a valid draft: an editor saves it from the page editor without
touching a field, previews it, and every link of the e-mail it sends is absolute."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from newsletter import services
from newsletter.blocks.editorial import CallBlock, LinkOrEmailBlock
from newsletter.tasks import start_dispatch

from .admin_form import edit_form_data, login_verified
from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def editor(client):
    login_verified(client, username="redaction@anct.gouv.fr", group="Editors")
    return client


def kinds_and_links(page) -> list:
    return [(b.block_type, b.value.get("link")) for b in page.body]


def test_the_draft_saves_from_the_page_editor_without_touching_a_field(editor, issue):
    assert [b.value["link"] for b in issue.body if b.block_type == "call"] == [
        "/contribuer/",
        "/contribuer/",
    ]
    url = f"/admin/pages/{issue.pk}/edit/"
    page = editor.get(url)
    assert page.status_code == 200  # a verified session: no detour by the 2FA page
    data = edit_form_data(page.content.decode())
    revisions = issue.revisions.count()

    preview = editor.post(f"/admin/pages/{issue.pk}/edit/preview/", data)
    assert preview.json() == {"is_valid": True, "is_available": True}

    saved = editor.post(url, data)
    assert saved.status_code == 302, BeautifulSoup(saved.content, "html.parser").get_text(
        " ", strip=True
    )[:3000]
    assert issue.revisions.count() == revisions + 1
    draft = issue.get_latest_revision_as_object()
    assert kinds_and_links(draft) == kinds_and_links(issue)
    assert draft.title == issue.title and not draft.live


def test_without_the_second_factor_the_editor_goes_to_the_2fa_page(client, issue):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("sans-2fa@anct.gouv.fr", password="x-y-z-w-1")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    response = client.get(f"/admin/pages/{issue.pk}/edit/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/")


def test_every_link_of_the_sent_email_is_absolute(editor, issue, no_demo_subscribers):
    # Saved through the editor first, as the editors do.
    url = f"/admin/pages/{issue.pk}/edit/"
    assert editor.post(url, edit_form_data(editor.get(url).content.decode())).status_code == 302
    SubscriberFactory(email="camille@exemple.fr")
    mail.outbox = []
    services.dispatch_schedule(issue=issue, at=timezone.now())
    start_dispatch(issue.pk)
    [message] = mail.outbox
    [(html, _mimetype)] = message.alternatives
    hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")]
    assert "http://testserver/contribuer/" in hrefs
    relative = [h for h in hrefs if not h.startswith(("http://testserver/", "https://", "mailto:"))]
    assert hrefs and not relative
    text_links = re.findall(r"(?:https?://|/)\S+", message.body)
    assert "http://testserver/contribuer/" in text_links
    assert all(link.startswith(("http://", "https://")) for link in text_links), text_links


@pytest.mark.parametrize(
    "link",
    [
        "/contribuer/",
        "/contribuer/?sujet=evenement#formulaire",
        "https://www.example.org/agenda",
        "editorialisation@territoires-en-commun.fr",
        "mailto:editorialisation@territoires-en-commun.fr",
    ],
)
def test_a_call_to_contribute_accepts_a_site_path_a_web_or_an_email_address(link):
    assert LinkOrEmailBlock().clean(link) == link


@pytest.mark.parametrize(
    "link",
    ["//autre-site.example/piege", "javascript:alert(1)", "/chemin avec espaces", "/\\autre"],
)
def test_other_links_are_refused_in_french(link):
    with pytest.raises(ValidationError) as refused:
        LinkOrEmailBlock().clean(link)
    assert "une adresse de ce site commençant par « / »" in refused.value.messages[0]


def test_a_site_path_is_rendered_as_an_absolute_address():
    block = CallBlock()
    value = block.to_python({"title": "Contribuer", "text": "", "link": "/contribuer/"})
    html = block.render_as(value, "email")
    assert 'href="http://testserver/contribuer/"' in html
    text = block.render_as(value, "text")
    assert "http://testserver/contribuer/" in text and " /contribuer/" not in text
