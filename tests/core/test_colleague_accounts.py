"""Staff reset a colleague's second factor (lost phone) and unlock a colleague's login."""

import html

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import second_factor
from core.auth_models import RecoveryCode
from tests.two_factor import (
    PASSWORD,
    confirmed_device,
    emailed_enrolment_link,
    make_editor,
    sign_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    user = get_user_model().objects.create_superuser("chef", "chef@anct.example", PASSWORD)
    client.force_login(user)
    return user


@pytest.fixture
def colleague():
    user = make_editor()
    confirmed_device(user)
    second_factor.recovery_codes_create(user=user)
    return user


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_users_list_offers_both_actions_on_a_colleague(client, admin, colleague):
    page = text(client.get("/admin/users/?q=redaction"))
    assert "Réinitialiser la double authentification" in page
    assert f"/admin/comptes/{colleague.pk}/double-authentification/" in page
    assert f"/admin/comptes/{colleague.pk}/debloquer/" in page
    own = text(client.get("/admin/users/?q=chef"))
    assert f"/admin/comptes/{admin.pk}/double-authentification/" not in own  # not oneself


def test_a_reset_forgets_the_device_and_emails_a_new_link(
    client, admin, colleague, django_capture_on_commit_callbacks
):
    url = f"/admin/comptes/{colleague.pk}/double-authentification/"
    confirm = text(client.get(url))
    assert "ne fonctionneront plus" in confirm and colleague.email in confirm
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, follow=True)
    assert f"un lien d'activation a été envoyé à {colleague.email}" in text(done)
    assert not TOTPDevice.objects.filter(user=colleague, confirmed=True).exists()
    assert not RecoveryCode.objects.filter(user=colleague).exists()
    assert mail.outbox[-1].subject == "Activer la double authentification — Territoires en Commun"
    assert emailed_enrolment_link(colleague.email).startswith("/admin/2fa/activer/")


def test_only_staff_who_manage_users_may_act(client, colleague):
    other = make_editor(username="autre@anct.example")
    client.force_login(other)
    url = f"/admin/comptes/{colleague.pk}/double-authentification/"
    assert client.post(url).status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=colleague, confirmed=True).exists()


def test_an_unlock_lets_a_blocked_colleague_in(client, admin, colleague):
    visitor = client_class_for(client)
    for _ in range(5):
        sign_in(visitor, colleague, password="mauvais")
    assert "Trop de tentatives" in text(sign_in(visitor, colleague))
    done = client.post(f"/admin/comptes/{colleague.pk}/debloquer/", follow=True)
    assert "La connexion de" in text(done) and "est débloquée." in text(done)
    assert sign_in(visitor, colleague).status_code == 302


def client_class_for(client):
    return type(client)()
