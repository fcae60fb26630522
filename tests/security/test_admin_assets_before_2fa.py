"""Attack (and editors' trap): before the second factor, what the admin's pages fetch
was answered with the HTML of the 2FA page — the icon sprite became a second 2FA form
inside the page, and JSON endpoints answered HTML. An asset is served or refused."""

import pytest

from tests.two_factor import make_editor, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def password_only_session(client, settings):
    settings.ADMIN_REQUIRE_2FA = True
    sign_in(client, make_editor())
    return client


def test_the_sprite_is_an_svg(password_only_session):
    response = password_only_session.get("/admin/sprite/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert b"<form" not in response.content


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_MODE": "cors", "HTTP_SEC_FETCH_DEST": "empty"},
        {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
        {"HTTP_ACCEPT": "application/json"},
    ],
    ids=["fetch", "xhr", "json"],
)
def test_fetched_admin_urls_are_refused_not_replaced_by_html(password_only_session, headers):
    response = password_only_session.get("/admin/pages/search/?q=a", **headers)
    assert response.status_code == 403
    assert not response["Content-Type"].startswith("text/html")
    # What the browser navigates to still leads to the 2FA page.
    page = password_only_session.get(
        "/admin/pages/", HTTP_SEC_FETCH_MODE="navigate", HTTP_ACCEPT="text/html"
    )
    assert page["Location"] == "/admin/2fa/?next=/admin/pages/"
