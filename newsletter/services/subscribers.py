"""Writes on subscribers: sign up, confirm, preferences, unsubscribe, erase, bounces.

Signing up answers the same whatever the address's state, so the form never
tells a stranger whether someone is subscribed; the e-mail that follows (sent
only to the address itself) is what differs.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.mail import queue_email

from .. import links
from ..models import (
    ConsentAction,
    ConsentRecord,
    Subscriber,
    SubscriberStatus,
    normalise_email,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Consent:
    """Where and how someone agreed: the form, the wording shown, the truncated IP."""

    source: str
    wording: str = ""
    ip_address: str = ""


@dataclass(frozen=True)
class SignupDetails:
    email: str
    name: str = ""
    organisation: str = ""
    kind: str = ""
    themes: list = field(default_factory=list)


def _record(subscriber: Subscriber, action: str, consent: Consent) -> None:
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action=action,
        source=consent.source[:40],
        wording=consent.wording,
        ip_address=consent.ip_address or None,
    )


def _send_confirmation(subscriber: Subscriber) -> None:
    # The address is not confirmed: the e-mail carries nothing typed in the form (no
    # name), so signing a stranger up cannot send them someone else's words.
    queue_email(
        "newsletter/email/confirm",
        [subscriber.email],
        {"confirm_url": links.confirmation_url(subscriber)},
    )


def subscriber_subscribe(*, details: SignupDetails, consent: Consent) -> None:
    """Someone filled in the sign-up form with ``details.email``.

    New or still unconfirmed: the details are saved and a confirmation link is
    sent. Unsubscribed or bounced: a confirmation link is sent, nothing else
    changes until it is followed. Already subscribed: the address is sent a link
    to its preferences instead, and nothing changes.
    """
    email = normalise_email(details.email)
    with transaction.atomic():
        subscriber, created = _get_or_create(email)
        if subscriber.status == SubscriberStatus.ACTIVE:
            token = links.management_token(subscriber)
            queue_email(
                "newsletter/email/already_subscribed",
                [subscriber.email],
                {"preferences_url": links.preferences_url(token), "name": subscriber.name},
            )
            return
        if subscriber.status == SubscriberStatus.PENDING:
            subscriber.name = details.name
            subscriber.organisation = details.organisation
            subscriber.kind = details.kind
            subscriber.save()
            subscriber.themes.set(details.themes)
        _record(subscriber, ConsentAction.SIGNUP, consent)
        _send_confirmation(subscriber)
    if created:
        logger.info("Newsletter: new sign-up %s", subscriber.pk)


def _get_or_create(email: str) -> tuple[Subscriber, bool]:
    """The subscriber with this address, created if missing, locked for this transaction.

    Two sign-ups racing on one address: the unique constraint lets one insert win,
    the other finds the row (inside a savepoint, so the transaction goes on).
    """
    existing = Subscriber.objects.select_for_update().filter(email=email).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email), True
    except IntegrityError:
        return Subscriber.objects.select_for_update().get(email=email), False


def subscriber_send_preferences_link(*, subscriber: Subscriber) -> bool:
    """A fresh link to the preferences, to the subscriber's own address (asked from an
    expired one). Nothing for an address never confirmed; False when nothing is sent."""
    if subscriber.confirmed_at is None:
        return False
    queue_email(
        "newsletter/email/fresh_link",
        [subscriber.email],
        {
            "preferences_url": links.preferences_url(links.management_token(subscriber)),
            "days": settings.NEWSLETTER_PREFERENCES_LINK_DAYS,
        },
    )
    return True


def subscriber_confirm(*, subscriber: Subscriber, consent: Consent) -> Subscriber:
    """The owner followed the confirmation link: the address receives the newsletter."""
    was_confirmed_before = subscriber.confirmed_at is not None
    now = timezone.now()
    with transaction.atomic():
        subscriber.status = SubscriberStatus.ACTIVE
        subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        subscriber.bounced_at = None
        subscriber.bounce_reason = ""
        subscriber.paused = False
        subscriber.save()
        action = ConsentAction.RESUBSCRIBE if was_confirmed_before else ConsentAction.CONFIRM
        _record(subscriber, action, consent)
    return subscriber


def subscriber_resubscribe(*, subscriber: Subscriber, consent: Consent) -> Subscriber:
    """Subscribe again from the preferences page: the signed link proves the address."""
    if subscriber.status == SubscriberStatus.ACTIVE:
        return subscriber
    return subscriber_confirm(subscriber=subscriber, consent=consent)


def subscriber_unsubscribe(*, subscriber: Subscriber, consent: Consent) -> bool:
    """Unsubscribe; False when the address was already unsubscribed (nothing changes)."""
    with transaction.atomic():
        changed = (
            Subscriber.objects.filter(pk=subscriber.pk)
            .exclude(status=SubscriberStatus.UNSUBSCRIBED)
            .update(status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now())
        )
        if changed:
            _record(subscriber, ConsentAction.UNSUBSCRIBE, consent)
    subscriber.refresh_from_db()
    return bool(changed)


def subscriber_update_preferences(
    *, subscriber: Subscriber, name: str, organisation: str, kind: str, themes, paused: bool
) -> Subscriber:
    with transaction.atomic():
        subscriber.name = name
        subscriber.organisation = organisation
        subscriber.kind = kind
        subscriber.paused = paused
        subscriber.save(update_fields=["name", "organisation", "kind", "paused"])
        subscriber.themes.set(themes)
    return subscriber


def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Delete everything about this person. The send log keeps anonymous rows so
    that the counts of past issues stay true."""
    subscriber.delete()


def subscriber_mark_bounced(*, subscriber_id: int, reason: str) -> None:
    """A permanent SMTP refusal: stop sending to this address; editors see why."""
    Subscriber.objects.filter(pk=subscriber_id).update(
        status=SubscriberStatus.BOUNCED, bounced_at=timezone.now(), bounce_reason=reason[:500]
    )


def subscriber_purge_unconfirmed(*, now=None, days: int) -> int:
    """Delete the sign-ups never confirmed within ``days``; returns how many."""
    moment = (now or timezone.now()) - datetime.timedelta(days=days)
    _, per_model = Subscriber.objects.unconfirmed_before(moment).delete()
    return per_model.get(Subscriber._meta.label, 0)
