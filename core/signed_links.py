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
