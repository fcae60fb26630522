"""Attack: lock a colleague out of the admin (or a representative out of the site) with
five wrong passwords, from anywhere: the per-account counter refused the right password
too, for an hour, with no way to lift it but waiting."""

import pytest

from tests.collectivites.factories import RepresentativeFactory
from tests.two_factor import PASSWORD, make_editor, sign_in

pytestmark = pytest.mark.django_db

STRANGER = "203.0.113.66"
OWNER = "198.51.100.20"


def site_sign_in(client, email, password, address):
    return client.post(
        "/compte/connexion/", {"username": email, "password": password}, REMOTE_ADDR=address
    )


def test_five_wrong_passwords_from_a_stranger_do_not_stop_the_editor(client):
    editor = make_editor()
    for _ in range(5):
        sign_in(client, editor, address=STRANGER, password="faux")
    assert sign_in(client, editor, address=OWNER).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_five_wrong_passwords_from_a_stranger_do_not_stop_the_representative(client):
    representative = RepresentativeFactory()
    for _ in range(5):
        site_sign_in(client, representative.email, "faux", STRANGER)
    assert site_sign_in(client, representative.email, PASSWORD, OWNER).status_code == 302


def test_a_guessing_crowd_does_not_stop_the_owner_at_an_address_of_theirs(client):
    editor = make_editor()
    assert sign_in(client, editor, address=OWNER).status_code == 302
    client.logout()
    for index in range(30):
        sign_in(client, editor, address=f"192.0.2.{index}", password="faux")
    assert sign_in(client, editor, address=OWNER).status_code == 302
