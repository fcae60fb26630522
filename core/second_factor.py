"""The second factor's writes: enrolment links, recovery codes, a colleague's reset.

A password alone never enrols a device: whoever guessed or stole it would enrol their
own authenticator and own the account. The first device (and any device after a
reset) is enrolled through a link e-mailed to the account's address: single-use (it
names an unconfirmed device, which confirming or a newer link retires) and valid
``ENROLMENT_DAYS``. Recovery codes stand in for a lost phone: single-use, shown once,
stored as digests.
"""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .auth_models import RecoveryCode
from .mail import queue_email
from .public_urls import public_url
from .signed_links import ADMIN_2FA_ENROLMENT_DAYS, SignedLink

ENROLMENT_DAYS = ADMIN_2FA_ENROLMENT_DAYS
ENROLMENT_LINK = SignedLink("admin-2fa-enrolment", max_age=timedelta(days=ENROLMENT_DAYS))
DEVICE_NAME = "Application d'authentification"
RECOVERY_CODE_COUNT = 10
# 16 characters out of 32 (80 bits): no digest of them can be reversed by trying them all.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_GROUPS = 4


def _device_state(device: TOTPDevice) -> str:
    return f"{device.pk}:{device.user_id}:{device.key}:{device.confirmed}"


def enrolment_link_create(*, user) -> str:
    """A new enrolment link (absolute URL) for ``user``: the links sent before stop working."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    token = ENROLMENT_LINK.make(device.pk, _device_state(device))
    return public_url(reverse("admin-2fa-enrol", args=[token]))


def enrolment_link_send(*, user) -> bool:
    """E-mails ``user`` a new enrolment link; False when the account has no address."""
    if not user.email:
        return False
    queue_email(
        "core/emails/two_factor_enrolment",
        [user.email],
        {
            "enrolment_url": enrolment_link_create(user=user),
            "username": user.get_username(),
            "days": ENROLMENT_DAYS,
        },
    )
    return True


def enrolment_device(*, token: str) -> TOTPDevice:
    """The unconfirmed device the link names; ``InvalidLink``/``ExpiredLink`` otherwise."""
    return ENROLMENT_LINK.resolve(
        token,
        lambda pk: TOTPDevice.objects.filter(pk=pk, confirmed=False).first(),
        _device_state,
    )


@transaction.atomic
def enrolment_confirm(*, device: TOTPDevice) -> list[str]:
    """Confirms the device (its link is spent) and returns the recovery codes to show once."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    return recovery_codes_create(user=device.user)


def _normalise(code: str) -> str:
    return "".join(char for char in code.lower() if char.isalnum())


def _digest(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


def _new_code() -> str:
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(4 * RECOVERY_GROUPS))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


@transaction.atomic
def recovery_codes_create(*, user) -> list[str]:
    """New recovery codes for ``user`` (the old ones stop working), in clear this once."""
    RecoveryCode.objects.filter(user=user).delete()
    codes = [_new_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(user=user, digest=_digest(code)) for code in codes]
    )
    return codes


def recovery_code_use(*, user, code: str) -> bool:
    """Spends one of ``user``'s recovery codes; False if it is unknown or already spent."""
    spent = RecoveryCode.objects.filter(
        user=user, digest=_digest(code), used_at__isnull=True
    ).update(used_at=timezone.now())
    return spent == 1


def recovery_codes_left(*, user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


@transaction.atomic
def second_factor_forget(*, user) -> None:
    """The account's devices and recovery codes stop working (its sessions verified with
    them are no longer: django-otp finds the device gone)."""
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()


@transaction.atomic
def second_factor_reset(*, user) -> bool:
    """A colleague lost their phone: their devices and recovery codes go, and a new
    enrolment link is e-mailed to them. False when the account has no e-mail address."""
    second_factor_forget(user=user)
    return enrolment_link_send(user=user)


def user_find(*, identifier: str):
    """The account whose username, or else whose only e-mail address, is ``identifier``."""
    users = get_user_model().objects
    by_name = users.filter(**{users.model.USERNAME_FIELD: identifier}).first()
    if by_name is not None:
        return by_name
    by_email = list(users.filter(email__iexact=identifier)[:2])
    return by_email[0] if len(by_email) == 1 else None
