"""Only a representative whose address is confirmed and whose account is validated votes."""

import pytest
from django.utils import timezone

from collectivites.models import Representative
from tests.collectivites.factories import RepresentativeFactory
from tests.votes.conftest import page_text, vote_as
from votes import selectors
from votes.models import Ballot

pytestmark = pytest.mark.django_db
Status = Representative.Status


@pytest.mark.parametrize(
    ("status", "confirmed", "message"),
    [
        (Status.UNCONFIRMED, False, "Confirmez d'abord votre adresse e-mail"),
        (Status.PENDING, True, "Votre inscription attend la validation"),
        (Status.SUSPENDED, True, "Votre compte est suspendu"),
        # Validated by staff but the address never confirmed: still not allowed.
        (Status.ACTIVE, False, "Confirmez d'abord votre adresse e-mail"),
    ],
)
def test_representatives_who_cannot_act_cannot_vote(
    client, campaign, themes, status, confirmed, message
):
    representative = RepresentativeFactory(
        status=status, email_confirmed_at=timezone.now() if confirmed else None
    )
    client.force_login(representative.user)
    page = page_text(client.get(f"/votes/{campaign.slug}/bulletin/"))
    assert message in page

    response = vote_as(client, representative, campaign, themes["Droit à la mobilité"])
    assert response.status_code == 403
    assert message in page_text(response)
    assert not Ballot.objects.filter(campaign=campaign).exists()


def test_visitors_are_invited_to_log_in(client, campaign, themes):
    page = page_text(client.get(f"/votes/{campaign.slug}/bulletin/"))
    assert "Se connecter pour voter" in page
    response = client.post(
        f"/votes/{campaign.slug}/bulletin/", {"themes": themes["Droit à la mobilité"].pk}
    )
    assert response.status_code == 403
    assert not Ballot.objects.filter(campaign=campaign).exists()


def test_a_user_without_representative_account_cannot_vote(client, campaign, themes):
    from tests.collectivites.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post(
        f"/votes/{campaign.slug}/bulletin/", {"themes": themes["Droit à la mobilité"].pk}
    )
    assert response.status_code == 403
    assert not Ballot.objects.filter(campaign=campaign).exists()


def test_a_suspended_voters_ballot_is_set_aside_until_a_colleague_votes(
    client, campaign, themes, representative
):
    vote_as(client, representative, campaign, themes["Droit à la mobilité"])
    representative.status = Status.SUSPENDED
    representative.save()
    assert selectors.tally_list(campaign=campaign)[0].votes == 0

    colleague = RepresentativeFactory(collectivite=representative.collectivite)
    vote_as(client, colleague, campaign, themes["Droit à la mobilité"])
    assert selectors.tally_list(campaign=campaign)[0].votes == 1


def test_a_collectivite_no_longer_in_the_official_list_cannot_vote(client, campaign, themes):
    representative = RepresentativeFactory(collectivite__is_current=False)
    response = vote_as(client, representative, campaign, themes["Droit à la mobilité"])
    assert response.status_code == 403
    assert "ne figure plus dans la liste officielle" in page_text(response)
    assert not Ballot.objects.filter(campaign=campaign).exists()
