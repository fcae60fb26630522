"""The e-mail of an issue: table layout, CSS inlined, text part, unsubscribe headers,
no tracking, and the shared body rendered once however many recipients."""

import re
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.signing import TimestampSigner
from django.test.signals import template_rendered
from django.utils import timezone

from newsletter import services
from newsletter.rendering import render_issue
from newsletter.tasks import start_dispatch

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(issue, no_demo_subscribers, settings):
    settings.NEWSLETTER_CHUNK_SIZE = 2
    SubscriberFactory(email="anne@exemple.fr", name="Anne Durand")
    SubscriberFactory(email="bruno@exemple.fr", name="")
    SubscriberFactory.create_batch(3)
    mail.outbox = []
    rendered_templates = []

    def record(sender, template, **kwargs):
        rendered_templates.append(template.name)

    template_rendered.connect(record)
    try:
        services.dispatch_schedule(issue=issue, at=timezone.now())
        start_dispatch(issue.pk)
    finally:
        template_rendered.disconnect(record)
    return {m.to[0]: m for m in mail.outbox}, rendered_templates


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_the_shared_body_is_rendered_once_per_issue(sent):
    messages, templates = sent
    assert len(messages) == 5
    assert templates.count("newsletter/email/issue.html") == 1
    assert templates.count("newsletter/email/issue.txt") == 1
    assert templates.count("newsletter/blocks/email/theme.html") == 1


def test_html_is_a_600px_table_layout_with_inlined_css(sent):
    html = html_of(sent[0]["anne@exemple.fr"])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "fr"
    assert soup.find("meta", attrs={"name": "color-scheme"})["content"] == "light dark"
    container = soup.find("table", class_="container")
    assert container["width"] == "600" and container["role"] == "presentation"
    assert "width: 600px" in container["style"].replace("width:600px", "width: 600px")
    # Layout comes from style attributes; the only <style> left holds @media rules
    # (dark mode, narrow screens), which cannot be inlined.
    for style in soup.find_all("style"):
        without_media = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", style.text)
        assert without_media.strip() == "", without_media
    assert len(soup.select("[style]")) > 30
    assert soup.find("h1").get("style")
    assert "prefers-color-scheme: dark" in html


def test_every_link_and_image_is_absolute_and_untracked(sent):
    anne, bruno = sent[0]["anne@exemple.fr"], sent[0]["bruno@exemple.fr"]
    soup = BeautifulSoup(html_of(anne), "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs and all(h.startswith(("http://testserver/", "https://", "mailto:")) for h in hrefs)
    for img in soup.find_all("img"):
        assert img["src"].startswith("http") and img.has_attr("alt")
    assert not any(img.get("width") == "1" for img in soup.find_all("img"))  # no pixel
    assert not any("utm_" in h or "track" in h for h in hrefs)
    # Everyone gets the same links but their own preferences and unsubscribe ones.
    other = {a["href"] for a in BeautifulSoup(html_of(bruno), "html.parser").find_all("a")}
    personal = {h for h in hrefs if "/newsletter/preferences/" in h or "/desinscription/" in h}
    assert len(personal) == 2
    assert set(hrefs) - personal == other - {
        h for h in other if "/newsletter/preferences/" in h or "/desinscription/" in h
    }


def test_view_in_browser_leads_to_the_archive(sent, issue):
    soup = BeautifulSoup(html_of(sent[0]["anne@exemple.fr"]), "html.parser")
    link = soup.find("a", string="Voir cette newsletter dans votre navigateur")
    assert link["href"] == f"http://testserver/newsletter/archives/{issue.slug}/"


def test_the_text_part_carries_the_same_content(sent, issue):
    message = sent[0]["anne@exemple.fr"]
    text = message.body
    assert re.match(r"Voir cette newsletter dans votre navigateur :\s+http://testserver/", text)
    assert "Bonjour Anne Durand," in text
    assert "Bonjour," in sent[0]["bruno@exemple.fr"].body
    for heading in ["THÉMATIQUE DU MOIS", "EN INTRODUCTION", "LE CONCEPT DU MOIS"]:
        assert heading in text
    assert re.search(r"Vous désinscrire :\s+http://testserver/newsletter/desinscription/", text)
    assert "<" not in re.sub(r"<[^>]*@[^>]*>", "", text)  # no markup, bar e-mail addresses
    assert not re.search(r"(^|\s)/[a-z]", text, re.MULTILINE)  # every link is absolute
    assert max(len(line.encode()) for line in text.splitlines()) < 998
    assert max(len(line.encode()) for line in html_of(message).splitlines()) < 998


def test_one_click_unsubscribe_headers(sent):
    message = sent[0]["anne@exemple.fr"]
    header = message.extra_headers["List-Unsubscribe"]
    https, mailto = re.fullmatch(r"<([^>]+)>, <([^>]+)>", header).groups()
    assert https.startswith("http://testserver/newsletter/desinscription/")
    assert mailto.startswith("mailto:")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert https in html_of(message)
    raw = message.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw


def test_names_are_escaped_and_cannot_inject_links(issue, no_demo_subscribers):
    from newsletter.rendering import issue_message

    rendered = render_issue(issue)
    evil = SubscriberFactory(name='<a href="http://x">__TEC_UNSUBSCRIBE_URL__</a>')
    html = html_of(issue_message(rendered, evil))
    assert '<a href="http://x">' not in html
    assert "__TEC_UNSUBSCRIBE_URL__" in html  # left as the text of the name


def test_an_empty_section_is_left_out_of_the_email(issue):
    [theme_block] = [block for block in issue.body if block.block_type == "theme"]
    theme_block.value["theme"].unpublish()
    rendered = render_issue(issue)
    assert "Découvrez la thématique" not in rendered.html
    assert "THÉMATIQUE DU MOIS" not in rendered.text


def test_copies_from_the_chunk_template_match_a_full_serialisation(issue, no_demo_subscribers):
    """Each copy is the template's bytes with the recipient's parts put in: the same
    message, header by header and part by part, as serialising it in full."""
    from email import message_from_bytes
    from email.policy import default

    from newsletter.rendering import MessageTemplate, issue_message

    rendered = render_issue(issue)
    template = MessageTemplate.build(rendered)
    assert template is not None
    helene = SubscriberFactory(email="hélène@exemple-accentué.fr", name="Hélène <Ç>")
    # Both signed at the same second: their links differ only if the copies do.
    with mock.patch.object(TimestampSigner, "timestamp", return_value="1xZFbe"):
        fast = issue_message(rendered, helene, template=template).message()
        slow = issue_message(rendered, helene).message()
    fast, slow = (message.as_bytes(linesep="\r\n") for message in (fast, slow))
    fast_message, slow_message = (message_from_bytes(b, policy=default) for b in (fast, slow))
    for header in ["To", "From", "Subject", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"]:
        assert fast_message[header] == slow_message[header], header
    assert fast_message["Message-ID"] != slow_message["Message-ID"]
    fast_parts = [part.get_content() for part in fast_message.iter_parts()]
    slow_parts = [part.get_content() for part in slow_message.iter_parts()]
    assert fast_parts == slow_parts
    assert "Bonjour Hélène &lt;Ç&gt;," in fast_parts[1] and "Bonjour Hélène <Ç>," in fast_parts[0]
    other = SubscriberFactory(email="autre@exemple.fr")
    copy = issue_message(rendered, other, template=template).message().as_bytes()
    assert b"autre@exemple.fr" in copy and "Hélène".encode() not in copy
