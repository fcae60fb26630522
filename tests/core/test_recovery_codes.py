"""An editor who lost the phone signs in with a recovery code, once per code."""

import html

import pytest

from core import second_factor
from core.auth_models import RecoveryCode
from tests.two_factor import confirmed_device, make_editor, sign_in


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def editor(db):
    user = make_editor()
    confirmed_device(user)
    return user


def test_a_recovery_code_opens_the_admin_once(client, editor):
    codes = second_factor.recovery_codes_create(user=editor)
    sign_in(client, editor)
    response = client.post("/admin/2fa/", {"code": codes[0].upper(), "next": "/admin/pages/"})
    page = html.unescape(response.content.decode())
    assert "Code de secours accepté." in page and "Il vous reste 9 codes de secours." in page
    assert "demandez à un administrateur du site de réinitialiser" in page
    assert client.get("/admin/pages/").status_code == 200

    client.post("/admin/logout/")
    sign_in(client, editor)
    reused = html.unescape(client.post("/admin/2fa/", {"code": codes[0]}).content.decode())
    assert "Ce code de secours n'est pas valide, ou il a déjà servi." in reused
    assert client.get("/admin/").status_code == 302


def test_codes_are_stored_as_digests(editor):
    codes = second_factor.recovery_codes_create(user=editor)
    stored = list(RecoveryCode.objects.filter(user=editor).values_list("digest", flat=True))
    assert len(stored) == 10
    assert not any(code.replace("-", "") in digest for code in codes for digest in stored)


def test_new_codes_replace_the_old_ones(editor):
    old = second_factor.recovery_codes_create(user=editor)
    second_factor.recovery_codes_create(user=editor)
    assert not second_factor.recovery_code_use(user=editor, code=old[0])


def test_wrong_recovery_codes_are_throttled_like_wrong_codes(client, editor):
    codes = second_factor.recovery_codes_create(user=editor)
    sign_in(client, editor)
    for _ in range(3):
        client.post("/admin/2fa/", {"code": "aaaa-bbbb-cccc-dddd"})
    response = client.post("/admin/2fa/", {"code": codes[1]})
    assert "Trop d'essais" in html.unescape(response.content.decode())
    assert client.get("/admin/").status_code == 302


def test_a_malformed_code_is_explained_in_french(client, editor):
    sign_in(client, editor)
    response = client.post("/admin/2fa/", {"code": "12"})
    assert "Saisissez les six chiffres de votre application, ou un code de secours" in (
        html.unescape(response.content.decode())
    )
