"""The status page recalls what was sent, the moderation history and the team's message."""

import pytest
from django.core import mail

from contributions import services

from .helpers import link_in, mails_to, submit_and_confirm, text

pytestmark = pytest.mark.django_db


def status_path(contribution) -> str:
    return services.contribution_status_path(contribution=contribution)


def test_the_page_recalls_what_was_sent(client, theme, django_capture_on_commit_callbacks):
    contribution = submit_and_confirm(
        client, "evenement", django_capture_on_commit_callbacks, themes=[theme.pk]
    )
    received = [m for m in mails_to(contribution.email) if "/contribuer/suivi/" in m.body]
    page = text(client.get(link_in(received[-1], "/contribuer/suivi/")))
    assert "Ce que vous avez envoyé" in page
    for typed in [
        "Rencontre des conseils citoyens de Loire-Atlantique",
        "Une soirée d'échanges entre conseils citoyens et élus.",
        "Salle des fêtes",
        "Nantes",
        "https://agenda.example.org/rencontre-conseils-citoyens",
        "Loire-Atlantique",
        "Présentiel",
        theme.title,
        "18:30",
    ]:
        assert typed in page, typed


def test_the_history_and_the_moderators_message_are_shown(
    client, moderator, django_capture_on_commit_callbacks
):
    contribution = submit_and_confirm(client, "ressource", django_capture_on_commit_callbacks)
    services.contribution_take(contribution=contribution, moderator=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_decline(
            contribution=contribution,
            moderator=moderator,
            reason="Ce guide est réservé aux adhérents : merci d'en proposer une version libre.",
        )
    page = text(client.get(status_path(contribution)))
    history = page[page.index("Historique") :]
    steps = [
        "Proposition envoyée",
        "Adresse confirmée",
        "Examen par l'équipe éditoriale",
        "Non retenue",
        "Message de l'équipe éditoriale : Ce guide est réservé aux adhérents",
    ]
    positions = [history.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "Corriger ma proposition" not in page  # the decision is made


def test_the_history_is_shown_to_moderators_too(
    client, moderator_client, django_capture_on_commit_callbacks
):
    contribution = submit_and_confirm(client, "projet", django_capture_on_commit_callbacks)
    page = text(moderator_client.get(f"/admin/contributions/inspect/{contribution.pk}/"))
    assert "Historique" in page
    assert "Adresse confirmée" in page


def test_the_status_page_says_replies_reach_the_team(client, django_capture_on_commit_callbacks):
    contribution = submit_and_confirm(client, "ressource", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    page = text(client.get(status_path(contribution)))
    assert "votre réponse parvient à l'équipe éditoriale" in page
