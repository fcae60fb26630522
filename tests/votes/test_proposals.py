"""Collectivités propose themes; moderators approve or reject them; the proposer is told."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from tests.collectivites.factories import RepresentativeFactory
from tests.votes.conftest import page_text
from votes import selectors
from votes.models import Candidate
from votes.services import VoteRefused, candidate_propose, proposal_moderate

pytestmark = pytest.mark.django_db


def propose(client, representative, campaign, **data):
    client.force_login(representative.user)
    return client.post(f"/votes/{campaign.slug}/proposer/", data)


def test_a_proposal_waits_for_moderation(
    client, campaign, representative, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(
            client,
            representative,
            campaign,
            title="  Accès   aux soins ",
            description="Les déserts médicaux <b>nous</b> préoccupent.",
        )
    assert response.status_code == 302
    proposal = Candidate.objects.get(campaign=campaign, title="Accès aux soins")
    assert proposal.status == Candidate.Status.PROPOSED
    assert proposal.description == "Les déserts médicaux nous préoccupent."
    assert proposal.proposer_collectivite == representative.collectivite
    assert "Accès aux soins" not in [
        c.title for c in selectors.candidate_list_on_ballot(campaign=campaign)
    ]
    assert "Accès aux soins" not in [t.title for t in selectors.tally_list(campaign=campaign)]
    assert mail.outbox[0].to == [representative.email]
    assert "a bien été reçue" in mail.outbox[0].subject
    text = page_text(client.get(response["Location"]))
    assert "sera examinée par l'équipe" in text


def test_approval_puts_it_on_the_ballot_and_tells_the_proposer(
    campaign, representative, moderator, django_capture_on_commit_callbacks
):
    proposal = candidate_propose(
        representative=representative, campaign=campaign, title="Accès aux soins"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal_moderate(candidate=proposal, approve=True, moderator=moderator)
    assert "Accès aux soins" in [
        c.title for c in selectors.candidate_list_on_ballot(campaign=campaign)
    ]
    assert mail.outbox[0].to == [representative.email]
    assert "rejoint le bulletin" in mail.outbox[0].subject
    with pytest.raises(VoteRefused):
        proposal_moderate(candidate=proposal, approve=False, reason="Trop tard")


def test_rejection_needs_a_reason_which_is_sent(
    campaign, representative, django_capture_on_commit_callbacks
):
    proposal = candidate_propose(
        representative=representative, campaign=campaign, title="Fêtes de village"
    )
    with pytest.raises(VoteRefused):
        proposal_moderate(candidate=proposal, approve=False, reason="  ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal_moderate(
            candidate=proposal, approve=False, reason="Ce thème relève d'un autre dispositif."
        )
    proposal.refresh_from_db()
    assert proposal.status == Candidate.Status.REJECTED
    assert "Ce thème relève d'un autre dispositif." in mail.outbox[0].body
    assert "l'un des thèmes du bulletin" in mail.outbox[0].body


def test_moderation_in_the_admin(
    client, campaign, representative, moderator, django_capture_on_commit_callbacks
):
    proposal = candidate_propose(
        representative=representative, campaign=campaign, title="Accès aux soins"
    )
    client.force_login(moderator)
    listing = client.get("/admin/votes/propositions/")
    assert listing.status_code == 200
    assert "Accès aux soins" in listing.content.decode()

    url = f"/admin/votes/propositions/edit/{proposal.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    data = {
        "title": "Accès aux soins",
        "description": "",
        "theme_page": "",
        "decision": "reject",
        "reason": "",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Indiquez le motif du refus." in refused.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = client.post(
            url, {**data, "decision": "approve", "title": "Accès aux soins de proximité"}
        )
    assert accepted.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.title) == (
        Candidate.Status.APPROVED,
        "Accès aux soins de proximité",
    )
    assert proposal.moderated_by == moderator
    assert mail.outbox[0].to == [representative.email]


def test_the_form_refuses_a_theme_already_on_the_ballot(client, campaign, representative):
    response = propose(client, representative, campaign, title="droit à la MOBILITÉ")
    page = BeautifulSoup(response.content, "html.parser")
    assert "Ce thème figure déjà" in page.select_one("#form-errors").get_text()
    assert page.select_one("input[name=title]")["value"] == "droit à la MOBILITÉ"
    assert not campaign.candidates.filter(status=Candidate.Status.PROPOSED).exists()


def test_a_collectivite_has_at_most_three_pending_proposals(client, campaign, representative):
    colleague = RepresentativeFactory(collectivite=representative.collectivite)
    for n in range(3):
        candidate_propose(representative=colleague, campaign=campaign, title=f"Idée {n}")
    response = propose(client, representative, campaign, title="Quatrième idée")
    assert "déjà 3 propositions en attente" in page_text(response)
    assert not campaign.candidates.filter(title="Quatrième idée").exists()


def test_empty_title_is_explained(client, campaign, representative):
    response = propose(client, representative, campaign, title="<p> </p>")
    assert response.status_code == 200
    assert "Le formulaire contient 1 erreur" in page_text(response)


def test_only_representatives_who_can_act_propose(client, campaign):
    response = client.post(f"/votes/{campaign.slug}/proposer/", {"title": "Idée"})
    assert response.status_code == 403
    assert not campaign.candidates.filter(title="Idée").exists()
