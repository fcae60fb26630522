"""The votes in the Wagtail admin, in French, for the ANCT team."""

import pytest
from bs4 import BeautifulSoup

from tests.collectivites.factories import RepresentativeFactory
from tests.votes.conftest import page_text
from tests.votes.factories import CandidateFactory
from votes.models import Ballot, Campaign, ProjectRegistration, SharedProjectPage
from votes.services import ballot_cast, registration_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def voted(campaign, themes):
    reps = RepresentativeFactory.create_batch(3)
    for rep, title in zip(
        reps, ["Précarité alimentaire", "Précarité alimentaire", "Droit à la mobilité"], strict=True
    ):
        ballot_cast(representative=rep, campaign=campaign, candidates=[themes[title]])
    return campaign


@pytest.mark.parametrize(
    "url",
    [
        "/admin/votes/campagnes/",
        "/admin/votes/themes/",
        "/admin/votes/propositions/",
        "/admin/votes/bulletins/",
        "/admin/votes/inscriptions/",
    ],
)
def test_moderators_reach_every_list(client, moderator, voted, url):
    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code == 200


def test_editors_prepare_campaigns_but_not_moderate(client, editor, campaign):
    client.force_login(editor)
    assert client.get("/admin/votes/campagnes/").status_code == 200
    assert client.get(f"/admin/votes/campagnes/edit/{campaign.pk}/").status_code == 200
    refused = client.get("/admin/votes/propositions/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")


def test_ballots_are_read_only(client, moderator, voted):
    client.force_login(moderator)
    ballot = Ballot.objects.filter(campaign=voted).first()
    inspect = client.get(f"/admin/votes/bulletins/inspect/{ballot.pk}/")
    assert inspect.status_code == 200
    assert "Thèmes choisis" in page_text(inspect)
    for url in ("/admin/votes/bulletins/new/", f"/admin/votes/bulletins/edit/{ballot.pk}/"):
        assert client.get(url).status_code == 404


def test_a_new_campaign_in_the_admin(client, moderator):
    client.force_login(moderator)
    response = client.post(
        "/admin/votes/campagnes/new/",
        {
            "title": "Priorités 2032",
            "slug": "priorites-2032",
            "question": "Quelle est la priorité d'action de votre territoire ?",
            "description": "",
            "opens_at": "2032-03-01 09:00",
            "closes_at": "2032-02-01 09:00",
            "max_choices": "1",
            "accepts_proposals": "on",
        },
    )
    assert response.status_code == 200
    assert "La clôture doit être postérieure à l'ouverture." in page_text(response)
    assert not Campaign.objects.filter(slug="priorites-2032").exists()


def test_closing_proposes_the_top_theme_and_creates_the_shared_project(
    client, moderator, voted, themes
):
    client.force_login(moderator)
    url = f"/admin/votes/campagnes/close/{voted.pk}/"
    page = BeautifulSoup(client.get(url).content, "html.parser")
    checked = page.select_one("input[name=winner][checked]")
    assert checked["value"] == str(themes["Précarité alimentaire"].pk)

    choice = {"winner": themes["Précarité alimentaire"].pk, "capacity": "4", "title": ""}
    confirmation = client.post(url, choice)
    assert confirmation.status_code == 200 and "Vérifiez avant de clôturer" in page_text(
        confirmation
    )
    response = client.post(url, {**choice, "confirm": "yes"})
    assert response.status_code == 302
    voted.refresh_from_db()
    project = SharedProjectPage.objects.get(campaign=voted)
    assert (project.title, project.stakeholder_capacity, project.live) == (
        "Précarité alimentaire",
        4,
        True,
    )
    assert voted.shared_project == project.page_ptr.specific
    assert voted.is_closed() and voted.results_frozen_at is not None
    # Closing twice does not create a second project.
    again = client.post(url, {"winner": themes["Droit à la mobilité"].pk, "capacity": "4"})
    assert "existe déjà" in page_text(again)
    assert SharedProjectPage.objects.filter(campaign=voted).count() == 1


def test_ties_are_explained(client, moderator, campaign, themes):
    for rep, title in zip(
        RepresentativeFactory.create_batch(2),
        ["Isolement des seniors", "Droit à la mobilité"],
        strict=True,
    ):
        ballot_cast(representative=rep, campaign=campaign, candidates=[themes[title]])
    client.force_login(moderator)
    text = page_text(client.get(f"/admin/votes/campagnes/close/{campaign.pk}/"))
    assert "Égalité" in text
    assert "Droit à la mobilité" in text and "Isolement des seniors" in text


def test_closing_without_a_project(client, moderator, voted):
    client.force_login(moderator)
    response = client.post(f"/admin/votes/campagnes/close/{voted.pk}/", {"action": "close"})
    assert response.status_code == 302
    voted.refresh_from_db()
    assert voted.is_closed() and voted.shared_project is None


def test_removing_a_registration_in_the_admin_promotes_the_waiting_list(client, moderator):
    from tests.votes.factories import shared_project

    project = shared_project(capacity=3)
    reps = RepresentativeFactory.create_batch(4)
    for rep in reps:
        registration_register(representative=rep, project=project, role="stakeholder")
    first = ProjectRegistration.objects.get(collectivite=reps[0].collectivite)
    client.force_login(moderator)
    response = client.post(f"/admin/votes/inscriptions/delete/{first.pk}/")
    assert response.status_code == 302
    assert ProjectRegistration.objects.get(collectivite=reps[3].collectivite).status == "confirmed"


def test_a_theme_with_votes_cannot_be_deleted(client, moderator, voted, themes):
    client.force_login(moderator)
    candidate = themes["Précarité alimentaire"]
    response = client.post(f"/admin/votes/themes/delete/{candidate.pk}/", follow=True)
    assert "a reçu des votes : il ne peut pas être supprimé." in page_text(response)
    assert voted.candidates.filter(pk=candidate.pk).exists()


def test_unused_themes_can_be_deleted(client, moderator, campaign):
    client.force_login(moderator)
    unused = CandidateFactory(campaign=campaign)
    assert client.post(f"/admin/votes/themes/delete/{unused.pk}/").status_code == 302
    assert not campaign.candidates.filter(pk=unused.pk).exists()


def test_a_superuser_deletes_a_campaign_with_its_ballots(client, voted):
    from tests.collectivites.factories import UserFactory

    admin = UserFactory(username="admin@anct.gouv.fr", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(f"/admin/votes/campagnes/delete/{voted.pk}/")
    assert response.status_code == 302
    assert not Campaign.objects.filter(pk=voted.pk).exists()
    assert not Ballot.objects.filter(campaign_id=voted.pk).exists()
