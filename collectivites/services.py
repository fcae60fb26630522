"""Writes: representatives sign up, confirm their address, are approved or suspended."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core.mail import absolute_url, queue_email
from core.signed_links import InvalidLink, SignedLink

from .models import Collectivite, Representative

CONFIRMATION_LINK = SignedLink("representative-email", max_age=timedelta(days=3))
# Wagtail's moderators group (« Modérateurs » once renamed in French) and superusers.
MODERATOR_GROUPS = ["Moderators", "Modérateurs"]


class StatusChangeRefused(Exception):
    """The representative is not in a status this change applies to."""


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _confirmation_state(representative: Representative) -> str:
    # Changes once the address is confirmed (or replaced): the link is then spent.
    return f"{representative.email}|{representative.email_confirmed_at or ''}"


def confirmation_url(representative: Representative) -> str:
    token = CONFIRMATION_LINK.make(representative.pk, _confirmation_state(representative))
    return absolute_url(reverse("account-confirm", args=[token]))


def representative_signup(
    *,
    full_name: str,
    role: str,
    email: str,
    password: str,
    collectivite: Collectivite,
    position: str = "",
) -> Representative | None:
    """Creates the account, not yet confirmed, and sends the confirmation link.

    An address already registered gets an e-mail saying so instead (and None is
    returned): the page shown is the same, so nobody learns who has an account.
    """
    email = normalise_email(email)
    User = get_user_model()
    if Representative.objects.filter(email=email).exists():
        _tell_already_registered(email)
        return None
    try:
        with transaction.atomic():
            user = User(username=email, email=email)
            user.set_password(password)
            user.save()
            representative = Representative.objects.create(
                user=user,
                collectivite=collectivite,
                full_name=full_name,
                role=role,
                position=position,
                email=email,
            )
    except IntegrityError:  # a user with this address exists, or signed up meanwhile
        _tell_already_registered(email)
        return None
    representative_send_confirmation(representative=representative)
    return representative


def _tell_already_registered(email: str) -> None:
    queue_email(
        "collectivites/emails/already_registered",
        [email],
        {
            "login_url": absolute_url(reverse("account-login")),
            "reset_url": absolute_url(reverse("account-password-reset")),
        },
    )


def representative_send_confirmation(*, representative: Representative) -> None:
    """(Re)sends the confirmation link; earlier links stay valid until one is used."""
    if representative.email_confirmed_at is not None:
        return
    queue_email(
        "collectivites/emails/confirm_email",
        [representative.email],
        {
            "full_name": representative.full_name,
            "collectivite": representative.collectivite.label,
            "confirm_url": confirmation_url(representative),
            "days": CONFIRMATION_LINK.max_age.days,
        },
    )


def representative_resend_confirmation(*, email: str) -> None:
    """Sends a new link if this address waits for confirmation; silent otherwise."""
    representative = (
        Representative.objects.select_related("collectivite")
        .filter(email=normalise_email(email), email_confirmed_at__isnull=True)
        .exclude(status=Representative.Status.SUSPENDED)
        .first()
    )
    if representative is not None:
        representative_send_confirmation(representative=representative)


def representative_from_confirmation(token: str) -> Representative:
    """The representative a confirmation link designates (raises ``InvalidLink``)."""
    return CONFIRMATION_LINK.resolve(
        token,
        load=lambda pk: (
            Representative.objects.select_related("collectivite", "user").filter(pk=int(pk)).first()
        ),
        state=_confirmation_state,
    )


@transaction.atomic
def representative_confirm_email(*, token: str) -> Representative:
    """Confirms the address; then active at once if its domain is the collectivité's.

    Raises ``InvalidLink`` (or ``ExpiredLink``) for a bad, old or already used link.
    """
    found = representative_from_confirmation(token)
    # Lock the row: two clicks at once must not both count.
    representative = (
        Representative.objects.select_for_update(of=("self",))
        .select_related("collectivite", "user")
        .get(pk=found.pk)
    )
    if _confirmation_state(representative) != _confirmation_state(found):
        raise InvalidLink
    now = timezone.now()
    representative.email_confirmed_at = now
    if representative.status == Representative.Status.UNCONFIRMED:
        if settings.REPRESENTATIVE_AUTO_APPROVAL and representative.collectivite.recognises_email(
            representative.email
        ):
            representative.status = Representative.Status.ACTIVE
            representative.approved_at = now
        else:
            representative.status = Representative.Status.PENDING
    representative.save(update_fields=["email_confirmed_at", "status", "approved_at"])
    if representative.status == Representative.Status.PENDING:
        _notify_moderators(representative)
    return representative


def _notify_moderators(representative: Representative) -> None:
    User = get_user_model()
    moderators = (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=MODERATOR_GROUPS))
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    context = {
        "full_name": representative.full_name,
        "role": representative.get_role_display(),
        "position": representative.position,
        "email": representative.email,
        "collectivite": representative.collectivite.label,
        "code": representative.collectivite.code_label,
        "review_url": absolute_url(reverse("representatives:edit", args=[representative.pk])),
        "pending_url": absolute_url(reverse("representatives:index") + "?status=pending"),
    }
    # One e-mail each: moderators do not see each other's addresses.
    for address in sorted(set(moderators)):
        queue_email("collectivites/emails/pending_for_moderators", [address], context)


def _set_status(representative: Representative, status: str, *, by=None, action: str) -> None:
    representative.status = status
    fields = ["status"]
    if status == Representative.Status.ACTIVE:
        representative.approved_at = timezone.now()
        fields.append("approved_at")
    representative.save(update_fields=fields)
    user = representative.user
    # Logging out a suspended person everywhere: Django refuses inactive users' sessions.
    # Staff keep their admin access; their representative account alone is suspended.
    should_be_active = status != Representative.Status.SUSPENDED or user.is_staff
    if user.is_active != should_be_active:
        user.is_active = should_be_active
        user.save(update_fields=["is_active"])
    log(representative, action, user=by)


@transaction.atomic
def representative_approve(*, representative: Representative, by=None) -> None:
    """Staff checked that this person represents the collectivité: they can act."""
    representative = Representative.objects.select_for_update().get(pk=representative.pk)
    if representative.status != Representative.Status.PENDING:
        raise StatusChangeRefused
    _set_status(representative, Representative.Status.ACTIVE, by=by, action="collectivites.approve")
    _tell_representative(representative, "collectivites/emails/approved")


@transaction.atomic
def representative_suspend(*, representative: Representative, by=None) -> None:
    """Stops the account: the person can no longer log in nor act."""
    representative = Representative.objects.select_for_update().get(pk=representative.pk)
    if representative.status == Representative.Status.SUSPENDED:
        raise StatusChangeRefused
    _set_status(
        representative, Representative.Status.SUSPENDED, by=by, action="collectivites.suspend"
    )
    _tell_representative(representative, "collectivites/emails/suspended")


@transaction.atomic
def representative_reactivate(*, representative: Representative, by=None) -> None:
    """Lifts a suspension; an address never confirmed must still be confirmed."""
    representative = Representative.objects.select_for_update().get(pk=representative.pk)
    if representative.status != Representative.Status.SUSPENDED:
        raise StatusChangeRefused
    status = (
        Representative.Status.ACTIVE
        if representative.email_confirmed_at
        else Representative.Status.UNCONFIRMED
    )
    _set_status(representative, status, by=by, action="collectivites.reactivate")
    if status == Representative.Status.ACTIVE:
        _tell_representative(representative, "collectivites/emails/approved")
    else:
        representative_send_confirmation(representative=representative)


def _tell_representative(representative: Representative, template: str) -> None:
    queue_email(
        template,
        [representative.email],
        {
            "full_name": representative.full_name,
            "collectivite": representative.collectivite.label,
            "account_url": absolute_url(reverse("account-home")),
            "login_url": absolute_url(reverse("account-login")),
        },
    )
