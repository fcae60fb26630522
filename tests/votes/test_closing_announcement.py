"""Closing a campaign: a clear action, a confirmation page, and the voting collectivités
told the results and invited to the projet partagé, by e-mail."""

import re

import pytest
from django.core import mail

from collectivites.models import Representative
from tests.collectivites.factories import RepresentativeFactory
from tests.votes.conftest import page_text
from votes.models import Campaign, SharedProjectPage
from votes.services import ballot_cast
from votes.tasks import announce_shared_project

pytestmark = pytest.mark.django_db

ACTION = "Clôturer le vote et créer le projet partagé"


@pytest.fixture
def voters(campaign, themes):
    """Three collectivités voted; one has a colleague, one a suspended colleague."""
    reps = RepresentativeFactory.create_batch(3)
    choices = ["Précarité alimentaire", "Précarité alimentaire", "Droit à la mobilité"]
    for rep, title in zip(reps, choices, strict=True):
        ballot_cast(representative=rep, campaign=campaign, candidates=[themes[title]])
    colleague = RepresentativeFactory(collectivite=reps[0].collectivite)
    RepresentativeFactory(collectivite=reps[1].collectivite, status=Representative.Status.SUSPENDED)
    RepresentativeFactory(collectivite=reps[2].collectivite, status=Representative.Status.PENDING)
    return [*reps, colleague]


@pytest.fixture
def not_voting(db):
    return RepresentativeFactory()


def close_url(campaign) -> str:
    return f"/admin/votes/campagnes/close/{campaign.pk}/"


def test_the_action_says_what_it_does(client, moderator, campaign):
    client.force_login(moderator)
    listing = page_text(client.get("/admin/votes/campagnes/"))
    edit = page_text(client.get(f"/admin/votes/campagnes/edit/{campaign.pk}/"))
    for text in (listing, edit):
        assert ACTION in text and "Clôturer, projet partagé" not in text
    assert ACTION in page_text(client.get(close_url(campaign)))


def test_the_confirmation_page_shows_the_winner_and_the_capacity_and_changes_nothing(
    client, moderator, campaign, themes, voters, not_voting
):
    client.force_login(moderator)
    mail.outbox = []
    response = client.post(
        close_url(campaign),
        {"winner": themes["Précarité alimentaire"].pk, "capacity": "3", "title": ""},
    )
    text = page_text(response)
    assert response.status_code == 200
    assert "Thème retenu « Précarité alimentaire » : 2 voix" in text
    assert "Capacité 3 places de parties prenantes (de 3 à 5)" in text
    # The three voting collectivités' four active representatives.
    assert "4 représentants de 3 collectivités qui ont voté" in text
    campaign.refresh_from_db()
    assert campaign.is_open() and campaign.shared_project is None
    assert mail.outbox == []


def test_a_theme_not_at_the_top_is_pointed_out(client, moderator, campaign, themes, voters):
    client.force_login(moderator)
    response = client.post(
        close_url(campaign),
        {"winner": themes["Droit à la mobilité"].pk, "capacity": "5", "title": "Se déplacer"},
    )
    text = page_text(response)
    assert "Projet partagé « Se déplacer »" in text
    assert "n'est pas arrivé en tête" in text


def confirm(client, campaign, winner, django_capture_on_commit_callbacks, capacity="4"):
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            close_url(campaign),
            {"winner": winner.pk, "capacity": capacity, "title": "", "confirm": "yes"},
        )
    assert response.status_code == 302
    return response


def test_every_voting_collectivite_is_told_the_results_and_invited(
    client, moderator, campaign, themes, voters, not_voting, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    confirm(client, campaign, themes["Précarité alimentaire"], django_capture_on_commit_callbacks)
    project = SharedProjectPage.objects.get(campaign=campaign)
    campaign.refresh_from_db()
    assert campaign.is_closed() and campaign.voters_notified_at is not None

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == sorted(rep.email for rep in voters)
    assert all(len(message.to) == 1 for message in mail.outbox)  # nobody sees the others

    first = by_address[voters[0].email]
    assert first.subject == (
        f"Résultats du vote « {campaign.title} » : rejoignez le projet partagé "
        "« Précarité alimentaire »"
    )
    body = first.body
    assert f"Bonjour {voters[0].full_name}," in body
    assert f"Merci à {voters[0].collectivite.name}" in body
    assert "avait choisi « Précarité alimentaire »" in body
    assert "3 collectivités ont voté." in body
    assert "1. Précarité alimentaire : 2 voix (66,7 %)" in body
    assert "2. Droit à la mobilité : 1 voix (33,3 %)" in body
    assert f"http://testserver/votes/{campaign.slug}/" in body
    assert "comme partie prenante (4 places disponibles" in body
    assert "ou comme observatrice" in body
    assert f"http://testserver{project.url}#rejoindre" in body
    # Every link is absolute.
    assert all(link.startswith("http://testserver/") for link in re.findall(r"\S+://\S+", body))
    assert "avait choisi « Droit à la mobilité »" in by_address[voters[2].email].body


def test_the_announcement_goes_once(
    client, moderator, campaign, themes, voters, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    confirm(client, campaign, themes["Précarité alimentaire"], django_capture_on_commit_callbacks)
    assert len(mail.outbox) == len(voters)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        assert announce_shared_project(campaign.pk) == 0
    assert mail.outbox == []


def test_closing_without_a_project_tells_nobody_yet(
    client, moderator, campaign, voters, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(close_url(campaign), {"action": "close"})
    assert Campaign.objects.get(pk=campaign.pk).is_closed()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert announce_shared_project(campaign.pk) == 0  # no projet partagé to invite to


def test_with_the_broker_down_the_project_is_created_and_the_editor_can_announce_later(
    client,
    moderator,
    campaign,
    themes,
    voters,
    monkeypatch,
    caplog,
    django_capture_on_commit_callbacks,
):
    from votes import admin_views

    def broker_down(*args, **kwargs):
        raise OSError("Connection refused")

    client.force_login(moderator)
    with monkeypatch.context() as patched:
        patched.setattr(admin_views.announce_shared_project, "delay", broker_down)
        confirm(
            client, campaign, themes["Précarité alimentaire"], django_capture_on_commit_callbacks
        )
    assert mail.outbox == []
    assert SharedProjectPage.objects.filter(campaign=campaign).exists()
    assert f"Announcement of campaign {campaign.pk} not queued" in caplog.text
    # (Outside a test's transaction the editor also reads it in a message at once.)
    page = page_text(client.get(close_url(campaign)))
    assert "n'ont pas encore reçu les résultats" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(close_url(campaign), {"action": "announce"})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(rep.email for rep in voters)
    page = page_text(client.get(close_url(campaign)))
    assert "ont reçu les résultats et l'invitation à le rejoindre le" in page
    assert "Prévenir les collectivités qui ont voté" not in page
