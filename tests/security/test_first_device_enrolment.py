"""Attack: with a staff account's password alone (guessed, phished, reused), enrol one's
own authenticator on an account that has none yet, and so own the account: the 2FA page
showed the QR code and key to any password-only session."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.two_factor import PASSWORD, emailed_enrolment_link, make_editor, sign_in

pytestmark = pytest.mark.django_db

KEY = re.compile(r"([A-Z2-7]{4} ){3,}")


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


def site_sign_in(client, user):
    return client.post("/compte/connexion/", {"username": user.username, "password": PASSWORD})


@pytest.mark.parametrize("door", [sign_in, site_sign_in], ids=["admin-login", "site-login"])
def test_a_password_alone_shows_no_qr_code_nor_key(client, door):
    editor = make_editor()
    assert door(client, editor).status_code == 302
    for url in ("/admin/2fa/", "/admin/2fa/?next=/admin/pages/"):
        page = client.get(url).content.decode()
        assert "<svg" not in page and not KEY.search(page)
    # Whatever the attacker can read of the database-side device, a code does not enrol it.
    for device in TOTPDevice.objects.filter(user=editor):
        code = f"{totp(device.bin_key, step=device.step, t0=device.t0):06d}"
        client.post("/admin/2fa/", {"code": code})
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get("/admin/pages/").status_code == 302


def test_only_the_link_emailed_to_the_account_shows_the_qr_code(
    client, django_capture_on_commit_callbacks
):
    editor = make_editor()
    sign_in(client, editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/2fa/")  # the link goes to the owner's mailbox, not to the page
    assert "<svg" not in client.get("/admin/2fa/").content.decode()
    client.get(emailed_enrolment_link(editor.email))
    assert "<svg" in client.get("/admin/2fa/").content.decode()
