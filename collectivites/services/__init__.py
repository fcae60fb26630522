"""Writes: representatives sign up, confirm their address, are approved or suspended;
the official list of collectivités is imported."""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.debug import sensitive_variables
from wagtail.log_actions import log

from core.mail import moderation_recipients, queue_email
from core.public_urls import public_url
from core.signed_links import REPRESENTATIVE_CONFIRMATION_DAYS, InvalidLink, SignedLink

from ..bulk_sql import IMPORTED_FIELDS, update_ids, write_rows
from ..models import Collectivite, Representative
from ..names import fold, normalise_email
from ..reference_data import Entry, SourceError, read_data_file
from .accounts import representative_create

CONFIRMATION_LINK = SignedLink(
    "representative-email", max_age=timedelta(days=REPRESENTATIVE_CONFIRMATION_DAYS)
)


class StatusChangeRefused(Exception):
    """The representative is not in a status this change applies to."""


def _confirmation_state(representative: Representative) -> str:
    # Changes once the address is confirmed (or replaced): the link is then spent.
    return f"{representative.email}|{representative.email_confirmed_at or ''}"


def representative_confirmation_url(*, representative: Representative) -> str:
    token = CONFIRMATION_LINK.make(representative.pk, _confirmation_state(representative))
    return public_url(reverse("account-confirm", args=[token]))


@sensitive_variables()
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
    Both cases hash the password once and queue one e-mail, so they also take the
    same time: the answer's delay does not tell either.
    """
    email = normalise_email(email)
    encoded_password = make_password(password)
    if Representative.objects.filter(email=email).exists():
        _tell_already_registered(email)
        return None
    try:
        representative = representative_create(
            email=email,
            password=None,
            encoded_password=encoded_password,
            collectivite=collectivite,
            full_name=full_name,
            role=role,
            position=position,
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
            "login_url": public_url(reverse("account-login")),
            "reset_url": public_url(reverse("account-password-reset")),
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
            "confirm_url": representative_confirmation_url(representative=representative),
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


def representative_from_confirmation(*, token: str) -> Representative:
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
    found = representative_from_confirmation(token=token)
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
    context = {
        "full_name": representative.full_name,
        "role": representative.get_role_display(),
        "position": representative.position,
        "email": representative.email,
        "collectivite": representative.collectivite.label,
        "code": representative.collectivite.code_label,
        "review_url": public_url(reverse("representatives:edit", args=[representative.pk])),
        "pending_url": public_url(reverse("representatives:index") + "?status=pending"),
    }
    queue_email("collectivites/emails/pending_for_moderators", moderation_recipients(), context)


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


def _status_before_suspension(representative: Representative) -> str:
    """Where a suspended account goes back: only an account validated before (by
    staff or by its collectivité's domain) is validated again; one that was waiting
    for moderation waits again, one never confirmed must still confirm."""
    if not representative.email_confirmed_at:
        return Representative.Status.UNCONFIRMED
    if representative.approved_at:
        return Representative.Status.ACTIVE
    return Representative.Status.PENDING


@transaction.atomic
def representative_reactivate(*, representative: Representative, by=None) -> None:
    """Lifts a suspension: the account returns to the step it had reached."""
    representative = Representative.objects.select_for_update().get(pk=representative.pk)
    if representative.status != Representative.Status.SUSPENDED:
        raise StatusChangeRefused
    status = _status_before_suspension(representative)
    _set_status(representative, status, by=by, action="collectivites.reactivate")
    if status == Representative.Status.ACTIVE:
        _tell_representative(representative, "collectivites/emails/approved")
    elif status == Representative.Status.PENDING:
        _notify_moderators(representative)
    else:
        representative_send_confirmation(representative=representative)


def account_send_password_reset(*, user, token: str, email: str) -> None:
    """The link to choose a new password, with the site's own address."""
    path = reverse(
        "account-password-reset-confirm",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": token},
    )
    queue_email("collectivites/emails/password_reset", [email], {"reset_url": public_url(path)})


def _tell_representative(representative: Representative, template: str) -> None:
    queue_email(
        template,
        [representative.email],
        {
            "full_name": representative.full_name,
            "collectivite": representative.collectivite.label,
            "account_url": public_url(reverse("account-home")),
            "login_url": public_url(reverse("account-login")),
        },
    )


# --- Importing the official list ----------------------------------------------------------


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0

    def __str__(self):
        return (
            f"{self.created} créée(s), {self.updated} mise(s) à jour, "
            f"{self.retired} retirée(s) de la liste, {self.unchanged} inchangée(s)"
        )


def _validated(entries: list[Entry]) -> list[Entry]:
    keys = Counter(entry.key for entry in entries)
    sirens = Counter(entry.siren for entry in entries if entry.siren)
    duplicates = [key for key, count in keys.items() if count > 1]
    duplicates += [siren for siren, count in sirens.items() if count > 1]
    if duplicates:
        raise SourceError(f"doublons dans la source : {duplicates[:5]}")
    return entries


@transaction.atomic
def collectivite_import_entries(*, entries: list[Entry]) -> ImportReport:
    """Creates, updates and retires collectivités so that the table matches ``entries``.

    Idempotent. Those no longer in the list (mergers) are marked not current, never
    deleted: representatives and votes point at them. Only changed rows are written.
    """
    entries = _validated(entries)
    existing = {
        (row[1], row[2]): row
        for row in Collectivite.objects.values_list("id", *IMPORTED_FIELDS).iterator(5000)
    }
    report = ImportReport()
    to_create, to_update, kept = [], [], set()
    for entry in entries:
        values = (*entry, fold(entry.name), True)
        row = existing.get(entry.key)
        if row is None:
            to_create.append(values)
        elif row[1:] != values:
            to_update.append((*values, row[0]))
        else:
            report.unchanged += 1
        kept.add(entry.key)
    retired = [row[0] for key, row in existing.items() if key not in kept and row[-1]]
    update_ids(_siren_holders_to_free(existing, to_create, to_update), siren=None)
    update_ids(retired, is_current=False)
    write_rows(to_create, to_update)
    report.created, report.updated, report.retired = len(to_create), len(to_update), len(retired)
    return report


def _siren_holders_to_free(existing: dict, to_create: list, to_update: list) -> list[int]:
    """A SIREN may move to another row (a commune nouvelle keeps one of its old SIRENs):
    the rows that hold it now give it up first (retired ones too), so the unique
    constraint holds."""
    siren = IMPORTED_FIELDS.index("siren")  # its place in ``values`` (one more in ``row``)
    holder = {values[siren]: values[-1] for values in to_update if values[siren]}
    holder.update({values[siren]: None for values in to_create if values[siren]})
    return [
        row[0]
        for row in existing.values()
        if row[siren + 1] in holder and holder[row[siren + 1]] != row[0]
    ]


def collectivite_set_email_domains(*, collectivite: Collectivite, domains: str) -> None:
    """The domains whose addresses are approved without review (separated by spaces)."""
    collectivite.email_domains = domains
    collectivite.save(update_fields=["email_domains"])


def collectivite_import_shipped_list() -> ImportReport:
    """Imports the list shipped with the code (``data/collectivites.json.gz``)."""
    entries, _source = read_data_file()
    return collectivite_import_entries(entries=entries)
