"""Each sent issue is a public page of /newsletter/archives/, listed there and in RSS."""

import datetime
from html import unescape
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from newsletter import services
from newsletter.services import issue_assemble
from newsletter.tasks import start_dispatch

pytestmark = pytest.mark.django_db


def test_the_archive_lists_the_issues_sent_latest_first(client):
    response = client.get("/newsletter/archives/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Retour à l&#x27;emploi") > html.index("Mettre en place une démarche")
    assert "envoyée le 16 décembre 2021" in html
    assert 'type="application/rss+xml"' in html


def test_an_issue_page_shows_the_issue_as_sent(client):
    html = unescape(client.get("/newsletter/archives/2021-12/").content.decode())
    assert "<h1>Territoires en Commun — décembre 2021 : Retour à l'emploi</h1>" in html
    for text in [
        "Édito",
        "Thématique du mois",
        "En introduction…",
        "Le concept du mois",
        "Actualités de l'écosystème",
        "À vos agendas !",
        "S'abonner",
    ]:
        assert text in html, text
    # The vote as it stood when the issue went out, not today's open vote.
    assert "Priorités d'action des territoires 2021-2022" in html
    assert "prochain-projet-partage" not in html
    assert "Bonjour" not in html and "__TEC_" not in html


def test_drafts_are_not_public(client, issue):
    assert client.get(f"/newsletter/archives/{issue.slug}/").status_code == 404
    assert issue.title not in client.get("/newsletter/archives/").content.decode()


def test_sending_publishes_the_issue(client, issue):
    services.dispatch_schedule(issue=issue, at=timezone.now())
    start_dispatch(issue.pk)
    assert client.get(f"/newsletter/archives/{issue.slug}/").status_code == 200
    assert issue.title in client.get("/newsletter/archives/").content.decode()


def test_the_rss_feed(client):
    response = client.get("/newsletter/archives/flux.rss")
    assert response.status_code == 200
    channel = ElementTree.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("link") for item in items] == [
        "http://testserver/newsletter/archives/2022-09/",
        "http://testserver/newsletter/archives/2021-12/",
    ]
    assert items[1].findtext("pubDate").startswith("Thu, 16 Dec 2021")


def test_the_newsletter_page_has_the_form_and_the_latest_issues(client):
    html = client.get("/newsletter/").content.decode()
    assert 'action="/newsletter/inscription/"' in html
    assert 'name="email"' in html and 'name="themes"' in html
    assert "/newsletter/archives/2022-09/" in html
    assert "Toutes les lettres" in html


def test_archive_queries_do_not_grow_with_issues(client, django_assert_max_num_queries):
    client.get("/newsletter/archives/")
    with django_assert_max_num_queries(100) as baseline:
        client.get("/newsletter/archives/")
    for month in range(1, 8):
        issue = issue_assemble(month=datetime.date(2030, month, 1)).issue
        issue.save_revision().publish()
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        html = client.get("/newsletter/archives/").content.decode()
    assert html.count("fr-card__title") == 9
