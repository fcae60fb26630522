"""Signed links sent by e-mail: confirm an address, open a status or preferences page.

A link carries the object's id and a digest of its current *state* (for
instance the date it was confirmed). Once the state changes, the link no
longer matches: that makes confirmation links single-use without storing
anything. Links may expire (``max_age``); a tampered link is simply invalid.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing


class InvalidLink(Exception):
    """The link was altered, belongs to something else or has already been used."""

    message = "Ce lien n'est pas valide ou a déjà été utilisé."


class ExpiredLink(InvalidLink):
    message = "Ce lien a expiré. Vous pouvez en demander un nouveau."


def _digest(state: str) -> str:
    return hashlib.sha256(state.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class SignedLink:
    """One kind of link; ``purpose`` keeps tokens of different kinds apart."""

    purpose: str
    max_age: timedelta | None = None

    def make(self, pk, state: str = "") -> str:
        return signing.dumps({"id": pk, "s": _digest(state)}, salt=f"tec.{self.purpose}")

    def read(self, token: str) -> tuple[object, str]:
        """The id and state digest the token carries."""
        max_age = self.max_age.total_seconds() if self.max_age else None
        try:
            data = signing.loads(str(token), salt=f"tec.{self.purpose}", max_age=max_age)
        except signing.SignatureExpired as error:
            raise ExpiredLink from error
        except (signing.BadSignature, UnicodeError) as error:  # altered, or not even text
            raise InvalidLink from error
        if not isinstance(data, dict) or "id" not in data or "s" not in data:
            raise InvalidLink
        return data["id"], data["s"]

    def resolve(self, token: str, load: Callable, state: Callable[[object], str]):
        """The object the token designates, if its state is still the one signed.

        ``load(pk)`` returns the object or None; ``state(obj)`` its current state.
        """
        pk, signed_state = self.read(token)
        try:
            obj = load(pk)
        except (TypeError, ValueError):
            obj = None
        if obj is None or _digest(state(obj)) != signed_state:
            raise InvalidLink
        return obj


# --- How long each e-mailed link stays valid ------------------------------------------
# One source for each period: the link's ``max_age``, the page that says « we sent you
# a link », the e-mail and the privacy page all quote these (``{% link_validity %}``).
REPRESENTATIVE_CONFIRMATION_DAYS = 3
ADMIN_2FA_ENROLMENT_DAYS = 3
CONTRIBUTION_CONFIRMATION_DAYS = 7
NEED_REQUEST_CONFIRMATION_DAYS = 7
# An unconfirmed proposal is erased after this many days.
CONTRIBUTION_UNCONFIRMED_PURGE_DAYS = 30


def password_reset_days() -> int:
    """Django's ``PASSWORD_RESET_TIMEOUT`` (seconds), in whole days."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def link_validity_days() -> dict[str, int]:
    """Every period a visitor is told about, by name."""
    return {
        "representative_confirmation": REPRESENTATIVE_CONFIRMATION_DAYS,
        "password_reset": password_reset_days(),
        "admin_2fa_enrolment": ADMIN_2FA_ENROLMENT_DAYS,
        "contribution_confirmation": CONTRIBUTION_CONFIRMATION_DAYS,
        "need_request_confirmation": NEED_REQUEST_CONFIRMATION_DAYS,
        "contribution_unconfirmed_purge": CONTRIBUTION_UNCONFIRMED_PURGE_DAYS,
        "newsletter_confirmation": settings.NEWSLETTER_CONFIRMATION_DAYS,
        "newsletter_unconfirmed_purge": settings.NEWSLETTER_UNCONFIRMED_PURGE_DAYS,
        "newsletter_preferences": settings.NEWSLETTER_PREFERENCES_LINK_DAYS,
    }


def days_label(days: int) -> str:
    """« 1 jour », « 3 jours »."""
    return f"{days} jour" if days == 1 else f"{days} jours"
