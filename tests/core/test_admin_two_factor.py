"""The Wagtail admin asks editors for a TOTP code after their password."""

import html
import re

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.collectivites.factories import RepresentativeFactory, UserFactory

PASSWORD = "mot-de-passe-solide-42"


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def editor(db):
    user = UserFactory(username="redaction@anct.example", is_staff=False)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(client, user):
    return client.post("/admin/login/", {"username": user.username, "password": PASSWORD})


def current_code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_after_the_password_an_editor_must_enrol_an_authenticator(client, editor):
    sign_in(client, editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/?next=/admin/pages/"

    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page  # the QR code
    assert re.search(r"([A-Z2-7]{4} ){3,}", page)  # the key, for manual entry

    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    done = client.post("/admin/2fa/", {"code": current_code(device), "next": "/admin/pages/"})
    assert done["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_code_is_refused_in_french_and_the_admin_stays_closed(client, editor):
    sign_in(client, editor)
    response = client.post("/admin/2fa/", {"code": "000000"})
    assert "Ce code n'est pas le bon" in html.unescape(response.content.decode())
    assert client.get("/admin/").status_code == 302


def test_later_logins_ask_only_for_the_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    sign_in(client, editor)
    page = client.get("/admin/2fa/").content.decode()
    assert "<svg" not in page
    assert client.post("/admin/2fa/", {"code": current_code(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_wrong_codes_are_throttled(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    sign_in(client, editor)
    for _ in range(3):
        client.post("/admin/2fa/", {"code": "000000"})
    response = client.post("/admin/2fa/", {"code": current_code(device)})
    assert "Trop d'essais" in html.unescape(response.content.decode())
    assert client.get("/admin/").status_code == 302


def test_public_accounts_are_not_asked_for_a_second_factor(client, db):
    representative = RepresentativeFactory()
    client.force_login(representative.user)
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 302  # no admin access at all
    assert "/admin/login/" in client.get("/admin/")["Location"]


def test_the_session_changes_at_login_and_ends_at_logout(client, editor):
    client.get("/admin/login/")
    before = client.cookies["sessionid"].value if "sessionid" in client.cookies else None
    sign_in(client, editor)
    assert client.cookies["sessionid"].value != before
    client.post("/admin/logout/")
    assert client.get("/admin/2fa/")["Location"].startswith("/admin/login/")


def test_a_deactivated_account_loses_its_session_at_once(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    sign_in(client, editor)
    client.post("/admin/2fa/", {"code": current_code(device)})
    assert client.get("/admin/").status_code == 200
    editor.is_active = False
    editor.save()
    assert client.get("/admin/").status_code == 302


def test_the_code_form_has_the_same_strict_policy(client, editor):
    sign_in(client, editor)
    response = client.get("/admin/2fa/")
    assert (
        "unsafe-inline"
        not in response["Content-Security-Policy"].split("script-src")[1].split(";")[0]
    )


def test_repeated_wrong_passwords_block_the_admin_login(client, editor):
    for _ in range(5):
        client.post("/admin/login/", {"username": editor.username, "password": "mauvais"})
    response = sign_in(client, editor)  # the right password, too late
    assert response.status_code == 200
    assert "Trop de tentatives de connexion" in html.unescape(response.content.decode())
    assert "_auth_user_id" not in client.session
