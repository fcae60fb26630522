"""The commands that say how a new admin account enrols, send its link and unlock it."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.two_factor import confirmed_device, make_editor, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


def test_createsuperuser_says_how_to_enrol(capsys):
    call_command("createsuperuser", username="chef", email="chef@anct.example", interactive=False)
    out = capsys.readouterr().out
    assert "python manage.py send_2fa_enrolment chef" in out
    assert get_user_model().objects.filter(username="chef", is_superuser=True).exists()


def test_send_2fa_enrolment_emails_or_prints_the_link(capsys, django_capture_on_commit_callbacks):
    editor = make_editor()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_2fa_enrolment", editor.email)
    assert f"Lien d'activation envoyé à {editor.email}." in capsys.readouterr().out
    assert "/admin/2fa/activer/" in mail.outbox[-1].body
    call_command("send_2fa_enrolment", editor.username, "--print")
    assert "http://testserver/admin/2fa/activer/" in capsys.readouterr().out


def test_an_enrolled_account_needs_reset_to_get_a_new_link(capsys):
    editor = make_editor()
    confirmed_device(editor)
    with pytest.raises(CommandError, match="--reset"):
        call_command("send_2fa_enrolment", editor.username)
    call_command("send_2fa_enrolment", editor.username, "--reset", "--print")
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    with pytest.raises(CommandError, match="Aucun compte"):
        call_command("send_2fa_enrolment", "personne@exemple.fr")


def test_unlock_login_lifts_a_block(client, capsys):
    editor = make_editor()
    for _ in range(5):
        sign_in(client, editor, password="mauvais")
    assert sign_in(client, editor).status_code == 200  # blocked
    call_command("unlock_login", editor.username)
    assert "est débloquée" in capsys.readouterr().out
    assert sign_in(client, editor).status_code == 302
