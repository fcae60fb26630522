"""« Des nouvelles du projet partagé »: the assembler fills it when a projet partagé
exists, it shows the registrations and places left as they are when the issue is sent,
the next steps the editors write, and it takes the place of an empty « Votez »."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from newsletter import services
from newsletter.rendering import render_issue
from newsletter.tasks import start_dispatch
from tests.collectivites.factories import RepresentativeFactory
from votes.models import Campaign, SharedProjectPage
from votes.services import campaign_close, registration_register

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db

NEXT_STEPS = "Première rencontre des parties prenantes le 12 janvier, à Lyon."


@pytest.fixture
def project():
    """The demo's projet partagé: five places, three parties prenantes, two observatrices."""
    return SharedProjectPage.objects.get(title="Aménagement des territoires")


def section_of(issue, kind):
    return next(block for block in issue.body if block.block_type == kind)


def with_body(issue, kinds_and_values):
    issue.body = [{"type": kind, "value": value} for kind, value in kinds_and_values]
    issue.save_revision()
    return issue


def text_of(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_the_assembler_fills_the_section_with_the_current_project(issue, project):
    value = section_of(issue, "shared_project").value
    assert value["project"].pk == project.pk
    assert value["title"] == "Des nouvelles du projet partagé"
    assert value["next_steps"] == ""  # the editors write them


def test_the_section_shows_registrations_places_left_and_the_editors_next_steps(issue, project):
    raw = [dict(block) for block in issue.body.raw_data]
    for block in raw:
        if block["type"] == "shared_project":
            block["value"] = {**block["value"], "next_steps": NEXT_STEPS}
    issue.body = raw
    stakeholders = sorted(
        r.collectivite.name
        for r in project.registrations.stakeholders().select_related("collectivite")
    )
    rendered = render_issue(issue)
    html = text_of(rendered.html)
    assert "Des nouvelles du projet partagé" in html
    for name in stakeholders:
        assert name in html
    assert "Il reste 2 places de partie prenante sur 5" in html
    assert "2 collectivités suivent le projet comme observatrices" in html
    assert f"Prochaines étapes {NEXT_STEPS}" in html
    links = [a["href"] for a in BeautifulSoup(rendered.html, "html.parser").find_all("a")]
    assert f"http://testserver{project.url}#rejoindre" in links
    assert f"http://testserver{project.url}" in links
    text = " ".join(rendered.text.split())
    assert "DES NOUVELLES DU PROJET PARTAGÉ" in text
    assert f"Prochaines étapes : {NEXT_STEPS}" in text
    assert f"Rejoindre le projet partagé : http://testserver{project.url}#rejoindre" in text


def test_the_figures_are_frozen_when_the_issue_is_sent(client, issue, project, no_demo_subscribers):
    SubscriberFactory()
    mail.outbox = []
    services.dispatch_schedule(issue=issue, at=timezone.now())
    start_dispatch(issue.pk)
    [message] = mail.outbox
    assert "Il reste 2 places de partie prenante sur 5" in " ".join(message.body.split())

    registration_register(
        representative=RepresentativeFactory(), project=project, role="stakeholder"
    )
    issue.refresh_from_db()
    archive = text_of(client.get(issue.url).content.decode())
    assert "Il reste 2 places de partie prenante sur 5" in archive  # as sent, not 1


def test_an_unsent_issue_shows_the_figures_as_they_stand(issue, project):
    registration_register(
        representative=RepresentativeFactory(), project=project, role="stakeholder"
    )
    assert "Il reste 1 place de partie prenante sur 5" in text_of(render_issue(issue).html)


def close_every_campaign():
    for campaign in Campaign.objects.open():
        campaign_close(campaign=campaign)


def test_votez_is_replaced_by_the_project_news_once_no_vote_is_open(issue, project):
    # The draft was assembled while a vote was open; the vote closed before sending.
    kept = [b for b in issue.body.raw_data if b["type"] in ("theme", "vote", "concept")]
    with_body(issue, [(b["type"], b["value"]) for b in kept])
    assert "Votez pour une thématique" in text_of(render_issue(issue).html)
    close_every_campaign()
    rendered = render_issue(issue)
    html = text_of(rendered.html)
    assert "Votez pour une thématique" not in html
    assert html.count("Des nouvelles du projet partagé") == 1
    assert "Il reste 2 places de partie prenante sur 5" in html
    assert "DES NOUVELLES DU PROJET PARTAGÉ" in rendered.text


def test_the_news_are_not_given_twice(issue, project):
    close_every_campaign()
    html = text_of(render_issue(issue).html)  # it has both « Votez » and the news section
    assert html.count("Des nouvelles du projet partagé") == 1


def test_without_a_vote_or_a_project_nothing_is_shown_in_their_place(issue):
    close_every_campaign()
    for page in SharedProjectPage.objects.live():
        page.unpublish()
    html = text_of(render_issue(type(issue).objects.get(pk=issue.pk)).html)
    assert "Votez pour une thématique" not in html
    assert "Des nouvelles du projet partagé" not in html
