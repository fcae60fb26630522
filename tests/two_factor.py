"""What the tests of the admin's login need: an editor, their password, their codes, and
the enrolment link as the e-mail carries it."""

import re

from django.contrib.auth.models import Group
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.collectivites.factories import UserFactory

PASSWORD = "mot-de-passe-solide-42"
ENROLMENT_LINK = re.compile(r"http://testserver(/admin/2fa/activer/[^/\s]+/)")


def make_editor(username="redaction@anct.example", **kwargs):
    user = UserFactory(username=username, is_staff=False, **kwargs)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(client, user, address="203.0.113.7", password=PASSWORD):
    return client.post(
        "/admin/login/",
        {"username": user.username, "password": password},
        REMOTE_ADDR=address,
    )


def current_code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def emailed_enrolment_link(to: str) -> str:
    """The path of the last enrolment link e-mailed to ``to``."""
    bodies = [message.body for message in mail.outbox if to in message.to]
    assert bodies, f"no e-mail to {to}"
    return ENROLMENT_LINK.search(bodies[-1])[1]
