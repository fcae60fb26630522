import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def run_command(capsys):
    call_command("create_demo_editor")
    return capsys.readouterr().out


def test_editor_account_is_created_and_its_login_printed(var_dir, capsys, client):
    output = run_command(capsys)
    password = (var_dir / "editeur.txt").read_text().strip()
    assert "« editeur »" in output and f"« {password} »" in output
    user = get_user_model().objects.get(username="editeur")
    assert set(user.groups.values_list("name", flat=True)) == {"Editors", "Moderators"}
    assert client.login(username="editeur", password=password)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/snippets/core/partner/").status_code == 200
    assert client.get("/admin/settings/core/sitesettings/", follow=True).status_code == 200


def test_running_it_again_keeps_the_same_password(var_dir, capsys):
    first = run_command(capsys)
    assert run_command(capsys) == first


def test_with_two_factor_the_command_prints_a_working_enrolment_link(
    var_dir, capsys, client, settings
):
    settings.ADMIN_REQUIRE_2FA = True
    output = run_command(capsys)
    link = re.search(r"http://testserver(/admin/2fa/activer/\S+/)", output)[1]
    password = (var_dir / "editeur.txt").read_text().strip()
    assert client.get(link)["Location"] == "/admin/login/?next=/admin/2fa/"
    client.post("/admin/login/", {"username": "editeur", "password": password})
    assert "<svg" in client.get("/admin/2fa/").content.decode()  # the QR code

    TOTPDevice.objects.filter(user__username="editeur").update(confirmed=True)
    assert "Double authentification : activée" in run_command(capsys)
