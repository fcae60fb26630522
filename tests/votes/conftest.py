import pytest

from tests.collectivites.factories import RepresentativeFactory
from tests.votes.factories import CampaignFactory, CandidateFactory


@pytest.fixture
def campaign(db):
    """An open campaign with three themes, one choice per ballot."""
    campaign = CampaignFactory()
    for title in ("Droit à la mobilité", "Précarité alimentaire", "Isolement des seniors"):
        CandidateFactory(campaign=campaign, title=title)
    return campaign


@pytest.fixture
def themes(campaign):
    return {c.title: c for c in campaign.candidates.all()}


@pytest.fixture
def representative(db):
    return RepresentativeFactory(full_name="Marie Dupont")


def vote_as(client, representative, campaign, *candidates):
    """Logs in as ``representative`` and posts the ballot form."""
    client.force_login(representative.user)
    return client.post(
        f"/votes/{campaign.slug}/bulletin/",
        {"themes": [c.pk for c in candidates]},
    )


def page_text(response) -> str:
    """What a reader sees: the page's text, entities decoded, spaces collapsed."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def moderator(db):
    """A member of Wagtail's Moderators group, as the ANCT team would be."""
    from django.contrib.auth.models import Group

    from tests.collectivites.factories import UserFactory

    user = UserFactory(username="moderatrice@anct.gouv.fr")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group

    from tests.collectivites.factories import UserFactory

    user = UserFactory(username="editeur@anct.gouv.fr")
    user.groups.add(Group.objects.get(name="Editors"))
    return user
