"""The Wagtail admin asks editors for a TOTP code after their password; a first device
is enrolled only through the link e-mailed to the account."""

import html
import re
from datetime import timedelta

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import second_factor
from core.auth_models import RecoveryCode
from core.signed_links import SignedLink
from tests.collectivites.factories import RepresentativeFactory
from tests.two_factor import (
    PASSWORD,
    confirmed_device,
    current_code,
    emailed_enrolment_link,
    make_editor,
    sign_in,
)

KEY = re.compile(r"([A-Z2-7]{4} ){3,}")


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def editor(db):
    return make_editor()


def text(response) -> str:
    return html.unescape(response.content.decode())


def ask_for_link(client, capture):
    with capture(execute=True):
        return client.post("/admin/2fa/", {"next": "/admin/pages/"})


def test_after_the_password_an_editor_without_device_is_offered_an_emailed_link(
    client, editor, django_capture_on_commit_callbacks
):
    sign_in(client, editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/?next=/admin/pages/"
    page = text(client.get(response["Location"]))
    assert "Recevoir le lien d'activation par e-mail" in page
    assert "<svg" not in page and not KEY.search(page)

    sent = text(ask_for_link(client, django_capture_on_commit_callbacks))
    assert "Un lien d'activation vient d'être envoyé à r••••••••@anct.example." in sent
    assert emailed_enrolment_link(editor.email).startswith("/admin/2fa/activer/")
    assert client.get("/admin/pages/").status_code == 302


def test_the_emailed_link_enrols_the_device_and_shows_recovery_codes_once(
    client, editor, django_capture_on_commit_callbacks
):
    sign_in(client, editor)
    ask_for_link(client, django_capture_on_commit_callbacks)
    link = emailed_enrolment_link(editor.email)
    assert client.get(link)["Location"] == "/admin/2fa/"  # the token leaves the address bar

    page = text(client.get("/admin/2fa/?next=/admin/pages/"))
    assert "<svg" in page  # the QR code
    assert KEY.search(page)  # the key, for manual entry
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed

    done = client.post("/admin/2fa/", {"code": current_code(device), "next": "/admin/pages/"})
    codes = re.findall(r"<code>([a-z2-9]{4}(?:-[a-z2-9]{4}){3})</code>", done.content.decode())
    assert len(codes) == 10
    assert "ils ne seront plus jamais affichés" in text(done)
    assert 'href="/admin/pages/"' in done.content.decode()
    assert client.get("/admin/pages/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    digests = set(RecoveryCode.objects.filter(user=editor).values_list("digest", flat=True))
    assert len(digests) == 10 and not digests & set(codes)  # kept as digests only

    # The link served once.
    client.post("/admin/logout/")
    assert "n'est pas valide ou a déjà été utilisé" in text(client.get(link))


def test_a_link_opened_before_signing_in_leads_through_the_login(client, editor):
    link = second_factor.enrolment_link_create(user=editor).removeprefix("http://testserver")
    response = client.get(link)
    assert response["Location"] == "/admin/login/?next=/admin/2fa/"
    assert sign_in(client, editor).status_code == 302
    assert "<svg" in client.get("/admin/2fa/").content.decode()


def test_a_link_is_for_its_own_account_only(client, editor):
    other = make_editor(username="autre@anct.example")
    link = second_factor.enrolment_link_create(user=other).removeprefix("http://testserver")
    sign_in(client, editor)
    response = client.get(link)
    assert response.status_code == 403
    assert "destiné à un autre compte" in text(response)
    assert "<svg" not in client.get("/admin/2fa/").content.decode()


def test_a_new_link_retires_the_previous_one(client, editor):
    first = second_factor.enrolment_link_create(user=editor).removeprefix("http://testserver")
    second_factor.enrolment_link_create(user=editor)
    assert client.get(first).status_code == 400


def test_an_expired_link_says_so_in_french(client, editor, monkeypatch):
    monkeypatch.setattr(
        second_factor,
        "ENROLMENT_LINK",
        SignedLink("admin-2fa-enrolment", max_age=timedelta(seconds=-1)),
    )
    link = second_factor.enrolment_link_create(user=editor).removeprefix("http://testserver")
    response = client.get(link)
    assert response.status_code == 400
    assert "Ce lien a expiré." in text(response)


def test_a_wrong_code_is_refused_in_french_and_the_admin_stays_closed(client, editor):
    confirmed_device(editor)
    sign_in(client, editor)
    response = client.post("/admin/2fa/", {"code": "000000"})
    assert "Ce code n'est pas le bon" in text(response)
    assert client.get("/admin/").status_code == 302


def test_later_logins_ask_only_for_the_code(client, editor):
    device = confirmed_device(editor)
    sign_in(client, editor)
    page = client.get("/admin/2fa/").content.decode()
    assert "<svg" not in page
    assert client.post("/admin/2fa/", {"code": current_code(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_wrong_codes_are_throttled(client, editor):
    device = confirmed_device(editor)
    sign_in(client, editor)
    for _ in range(3):
        client.post("/admin/2fa/", {"code": "000000"})
    response = client.post("/admin/2fa/", {"code": current_code(device)})
    assert "Trop d'essais" in text(response)
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
    device = confirmed_device(editor)
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


def test_repeated_wrong_passwords_from_one_address_block_the_admin_login(client, editor):
    for _ in range(5):
        sign_in(client, editor, password="mauvais")
    response = sign_in(client, editor)  # the right password, from the same address
    assert response.status_code == 200
    assert "Trop de tentatives de connexion ont échoué" in text(response)
    assert "_auth_user_id" not in client.session
    assert PASSWORD not in response.content.decode()
