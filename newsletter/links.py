"""The signed links of the newsletter: confirm an address, manage one's subscription.

Confirmation links expire and are single-use (they sign the subscriber's state,
which confirming changes). Management links sign the address; one token serves
both readers below:

- the preferences and data pages accept it for ``NEWSLETTER_PREFERENCES_LINK_DAYS``
  (a forwarded or leaked old issue must not open them for ever); an expired one
  offers to e-mail a fresh link to the subscriber's own address;
- unsubscribing accepts it at any age: the link of an old issue must keep working.

A token of one kind is never accepted for the other.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse

from core.public_urls import public_url
from core.signed_links import SignedLink

from .models import Subscriber

MANAGEMENT = SignedLink("newsletter.manage")


def confirmation_link() -> SignedLink:
    return SignedLink(
        "newsletter.confirm", max_age=timedelta(days=settings.NEWSLETTER_CONFIRMATION_DAYS)
    )


def _load(pk):
    return Subscriber.objects.filter(pk=int(pk)).first()


def confirmation_url(subscriber: Subscriber) -> str:
    token = confirmation_link().make(subscriber.pk, subscriber.confirmation_state())
    return public_url(reverse("newsletter:confirm", kwargs={"token": token}))


def subscriber_to_confirm(token: str) -> Subscriber:
    """Raises InvalidLink (altered, used) or ExpiredLink."""
    return confirmation_link().resolve(token, _load, Subscriber.confirmation_state)


def preferences_link() -> SignedLink:
    return SignedLink(
        MANAGEMENT.purpose,
        max_age=timedelta(days=settings.NEWSLETTER_PREFERENCES_LINK_DAYS),
    )


def management_token(subscriber: Subscriber) -> str:
    return MANAGEMENT.make(subscriber.pk, subscriber.management_state())


def managed_subscriber(token: str) -> Subscriber:
    """For the preferences and data pages. Raises InvalidLink when the token was
    altered or belongs to no subscriber, ExpiredLink when it is too old."""
    return preferences_link().resolve(token, _load, Subscriber.management_state)


def unsubscribing_subscriber(token: str) -> Subscriber:
    """For unsubscribing (and asking for a fresh link): a token of any age.
    Raises InvalidLink when the token was altered or belongs to no subscriber."""
    return MANAGEMENT.resolve(token, _load, Subscriber.management_state)


def preferences_url(token: str) -> str:
    return public_url(reverse("newsletter:preferences", kwargs={"token": token}))


def unsubscribe_url(token: str) -> str:
    return public_url(reverse("newsletter:unsubscribe", kwargs={"token": token}))
