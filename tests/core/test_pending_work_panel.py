"""The dashboard's « À traiter » panel counts what waits, with links, per the user's rights:
representatives to approve, contributions to moderate, need requests, theme proposals."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission

from collectivites.models import Representative
from contributions.models import Contribution, NeedRequest
from tests.collectivites.factories import RepresentativeFactory, UserFactory
from tests.contributions.factories import ContributionFactory, NeedRequestFactory
from tests.votes.factories import CampaignFactory, CandidateFactory
from votes.models import Candidate

pytestmark = pytest.mark.django_db


def login_in(client, group):
    user = UserFactory(username=f"{group.lower()}@anct.example")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


def panel(response):
    soup = BeautifulSoup(response.content, "html.parser")
    heading = soup.find("h2", string="À traiter")
    if heading is None:
        return None
    section = heading.find_parent("section")
    return {" ".join(a.get_text(" ").split()): a["href"] for a in section.find_all("a")}


@pytest.fixture
def waiting(db):
    Representative.objects.filter(status=Representative.Status.PENDING).delete()
    Contribution.objects.all().delete()
    NeedRequest.objects.all().delete()
    Candidate.objects.filter(status=Candidate.Status.PROPOSED).delete()
    RepresentativeFactory(status=Representative.Status.PENDING)
    RepresentativeFactory(status=Representative.Status.PENDING)
    ContributionFactory(status=Contribution.Status.RECEIVED)
    NeedRequestFactory(status=NeedRequest.Status.NEW)
    CandidateFactory(campaign=CampaignFactory(), status=Candidate.Status.PROPOSED)


def test_a_moderator_sees_every_count_and_its_link(client, waiting):
    links = panel(login_in(client, "Moderators").get("/admin/"))
    assert links == {
        "2 représentants à valider": "/admin/representants/?status=pending",
        "1 contribution à modérer": "/admin/contributions/",
        "1 demande d'accompagnement nouvelle": "/admin/besoins/?status=nouveau",
        "1 proposition de thème à modérer": "/admin/votes/propositions/?status=proposed",
    }
    for url in links.values():
        assert client.get(url).status_code == 200


def test_nothing_waiting_is_said_plainly(client, db):
    Representative.objects.filter(status=Representative.Status.PENDING).delete()
    Contribution.objects.all().delete()
    NeedRequest.objects.all().delete()
    Candidate.objects.filter(status=Candidate.Status.PROPOSED).delete()
    response = login_in(client, "Moderators").get("/admin/")
    assert panel(response) == {}
    assert "Rien n'attend de réponse pour le moment." in response.content.decode()


def test_a_user_without_moderation_rights_sees_no_panel(client, waiting):
    user = UserFactory(username="lecteur@anct.example")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert panel(client.get("/admin/")) is None
