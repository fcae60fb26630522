"""Whatever is posted to the sign-up form, the answer is a page, never a server error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FIELDS = [
    "full_name",
    "role",
    "position",
    "collectivite",
    "collectivite_choix",
    "email",
    "password",
    "password_confirmation",
    "attestation",
    "site_web",
]
values = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", "elu", "agent", "on", "69123", "216901231", "Lyon (69)", "0", "-1"]),
    st.from_regex(r"[0-9 .\-]{0,20}", fullmatch=True),
    st.just("x" * 5000),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.dictionaries(st.sampled_from(FIELDS), values))
def test_the_signup_form_never_fails(data, settings_override):
    client = Client(raise_request_exception=True)
    cleaned = {key: value.replace("\x00", "") for key, value in data.items()}
    response = client.post("/compte/inscription/", cleaned)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Créer un compte de représentant" in response.content.decode()
    # Null bytes are refused by Django's forms before they reach the database.
    response = client.post("/compte/inscription/", data)
    assert response.status_code in (200, 302, 400)


@pytest.fixture
def settings_override(settings):
    settings.RATE_LIMITS = {"account-signup": "100000/h"}
