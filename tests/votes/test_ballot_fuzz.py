"""Whatever is posted to the ballot, the answer is never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from votes.models import Ballot, BallotChoice

pytestmark = pytest.mark.django_db

junk_values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.just("\x00"),
    st.just("1\x001"),
    st.text(min_size=2000, max_size=5000),
)
form_data = st.dictionaries(
    keys=st.sampled_from(["themes", "site_web", "csrfmiddlewaretoken", "autre", "\x00"]),
    values=st.one_of(junk_values, st.lists(junk_values, max_size=6)),
    max_size=4,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=form_data, use_real_ids=st.booleans())
def test_ballot_post_never_fails(client, campaign, representative, data, use_real_ids):
    client.force_login(representative.user)
    if use_real_ids:
        ids = list(campaign.candidates.values_list("pk", flat=True))
        data = {**data, "themes": [str(i) for i in ids[: 1 + len(data) % 3]]}
    response = client.post(f"/votes/{campaign.slug}/bulletin/", data)
    assert response.status_code in {200, 302, 403, 429}
    # Never more than one ballot, never more themes than allowed.
    assert Ballot.objects.filter(campaign=campaign).count() <= 1
    assert BallotChoice.objects.filter(ballot__campaign=campaign).count() <= campaign.max_choices


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    slug=st.text(max_size=30),
    suffix=st.sampled_from(["", "bulletin/", "proposer/", "resultats.csv", "resultats.json"]),
)
def test_any_campaign_address_answers_cleanly(client, slug, suffix):
    from urllib.parse import quote

    response = client.get(f"/votes/{quote(slug, safe='')}/{suffix}")
    # 400: a control character in the address, refused before any view.
    assert response.status_code in {200, 301, 302, 400, 404}


@pytest.fixture
def project(db):
    from tests.votes.factories import shared_project

    return shared_project(capacity=3)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.dictionaries(
        keys=st.sampled_from(["title", "description", "site_web", "action", "role"]),
        values=junk_values,
        max_size=5,
    )
)
def test_proposal_and_registration_posts_never_fail(
    client, campaign, project, representative, data
):
    client.force_login(representative.user)
    response = client.post(f"/votes/{campaign.slug}/proposer/", data)
    assert response.status_code in {200, 302, 403, 429}
    response = client.post(project.url, data)
    assert response.status_code in {200, 302, 403, 429}
    assert project.registrations.stakeholders().count() <= project.stakeholder_capacity
