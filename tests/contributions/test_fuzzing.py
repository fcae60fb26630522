"""Whatever is posted to the forms, the answer is a page, never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import ContributionFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
junk = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20).map(lambda s: s * 500),
    st.sampled_from(
        [
            "\x00",
            "<script>alert(1)</script>",
            "9" * 40,
            "9223372036854775808",
            "-1",
            "2026-02-30",
            "31/12/9999",
            "25:99",
            "javascript:alert(1)",
            "https://",
            "presentiel",
            "44",
            "guide",
            "idee",
            "a@b.fr",
        ]
    ),
)

FIELDS = {
    "ressource": [
        "title",
        "resource_kind",
        "summary",
        "url",
        "themes",
        "contributor_name",
        "organisation",
        "email",
        "consent_contact",
    ],
    "evenement": [
        "title",
        "summary",
        "description",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "event_format",
        "venue",
        "address",
        "city",
        "departement",
        "online_url",
        "organiser_name",
        "registration_url",
        "themes",
        "contributor_name",
        "organisation",
        "email",
    ],
    "projet": [
        "title",
        "territory",
        "departement",
        "summary",
        "description",
        "url",
        "themes",
        "contributor_name",
        "organisation",
        "email",
    ],
}
NEED_FIELDS = [
    "collectivite",
    "collectivite_choix",
    "structure_name",
    "contact_name",
    "role",
    "email",
    "phone",
    "theme",
    "stage",
    "subject",
    "message",
    "action",
]


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATE_LIMITS = {
        "contribution": "100000/h",
        "contribution-email": "100000/h",
        "need-request": "100000/h",
        "need-request-email": "100000/h",
    }


def form_data(fields):
    return st.fixed_dictionaries({}, optional={name: junk for name in fields})


@pytest.mark.parametrize("kind", list(FIELDS))
def test_contribution_forms_never_fail(client, kind):
    @FUZZ
    @given(data=form_data(FIELDS[kind]))
    def post(data):
        response = client.post(f"/contribuer/{kind}/", data)
        assert response.status_code in (200, 302), response.status_code

    post()


def test_the_need_request_form_never_fails(client):
    @FUZZ
    @given(data=form_data(NEED_FIELDS), query=st.text(max_size=50))
    def post(data, query):
        assert client.get("/besoin/", {"thematique": query}).status_code == 200
        response = client.post("/besoin/", data)
        assert response.status_code in (200, 302), response.status_code

    post()


def test_moderators_forms_never_fail(moderator_client):
    contribution = ContributionFactory()

    @FUZZ
    @given(reason=junk, duplicate_of=junk)
    def post(reason, duplicate_of):
        for action, data in [
            ("decline", {"reason": reason}),
            ("duplicate", {"duplicate_of": duplicate_of, "reason": reason}),
        ]:
            response = moderator_client.post(
                f"/admin/contributions/{action}/{contribution.pk}/", data
            )
            assert response.status_code in (200, 302), response.status_code
        contribution.__class__.objects.filter(pk=contribution.pk).update(status="received")

    post()


def test_links_never_fail(client):
    @FUZZ
    @given(
        token=st.text(
            alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/?#%"),
            min_size=1,
            max_size=300,
        )
    )
    def get(token):
        for prefix in ("confirmer", "suivi", "envoyee"):
            response = client.get(f"/contribuer/{prefix}/{token}/")
            assert response.status_code in (200, 302, 400, 404), response.status_code
        assert client.get(f"/besoin/envoyee/{token}/").status_code in (200, 400, 404)
        assert client.get(f"/besoin/confirmer/{token}/").status_code in (400, 404)

    get()


def test_theme_ids_no_database_can_hold_are_refused_as_errors(client):
    for value in ["9223372036854775808", "-1", "0", "1\x00"]:
        response = client.post("/contribuer/projet/", {"themes": value})
        assert response.status_code == 200
        assert "Sélectionnez un choix valide" in response.content.decode()
        response = client.post("/besoin/", {"theme": value})
        assert response.status_code == 200
