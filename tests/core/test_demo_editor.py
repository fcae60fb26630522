import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

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
