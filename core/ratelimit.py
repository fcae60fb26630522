"""Rate limits on public POSTs, counted in the cache per client address or per e-mail.

A limit is written ``"5/h"`` (also ``/m``, ``/d``); ``settings.RATE_LIMITS`` may
override the limit of any scope by name. Counting is a fixed window in the
cache; when the cache is unreachable the database counts instead (core.rate_store):
a limit neither takes the site down with it nor lets everything through.
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.shortcuts import render

from .client import client_ip, is_shared_address
from .rate_store import counter_hit, counter_read

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Rate":
        count, unit = text.split("/")
        return cls(int(count), PERIODS[unit])


def rate_for(scope: str, default: str) -> Rate:
    return Rate.parse(settings.RATE_LIMITS.get(scope, default))


def window_key(scope: str, identity: str, rate: Rate) -> str:
    """The cache key counting ``identity`` in ``scope`` during the current window."""
    window = int(time.time() // rate.seconds)
    digest = hashlib.sha256(identity.strip().lower().encode()).hexdigest()[:32]
    return f"rl:{scope}:{digest}:{window}"


def exceeded(scope: str, identity: str, rate: Rate) -> bool:
    """Counts one hit for ``identity`` in ``scope``; True once it is over the rate."""
    if not identity:
        return False
    hits = counter_hit(key=window_key(scope, identity, rate), seconds=rate.seconds)
    return hits > rate.count


def too_many_requests(request, message: str = ""):
    """The French 429 page; the form's data are not lost (the user can go back)."""
    response = render(
        request,
        "429.html",
        {"message": message or "Vous avez envoyé trop de demandes en peu de temps."},
        status=429,
    )
    response["Retry-After"] = "3600"
    return response


def limit_posts(scope: str, default: str) -> Callable:
    """Refuses POSTs beyond the rate from one client address with a 429 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and exceeded(
                f"{scope}:ip", client_ip(request), rate_for(scope, default)
            ):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# -- Public forms: only successful submissions count --------------------------------------

# Every POST, valid or not, counts toward a ceiling this many times the submission limit.
FLOOD_FACTOR = 10
# The addresses of RATE_LIMIT_SHARED_NETWORKS (a town hall's, a State network's, with
# many agents behind each) get this many times the per-address limits.
SHARED_NETWORK_FACTOR = 5


def reached(scope: str, identity: str, rate: Rate) -> bool:
    """True once ``identity`` has used up ``rate`` in ``scope`` (counts nothing)."""
    if not identity:
        return False
    return counter_read(key=window_key(scope, identity, rate)) >= rate.count


@dataclass(frozen=True)
class SubmissionLimit:
    """The one rate limit of the public forms, which does not punish corrections.

    A submission counts toward the limit per client address (``scope``, default
    ``per_ip``) and per e-mail address (``<scope>-email``, default ``per_email``) only
    once it succeeds: a form sent back with errors, or a duplicate of what was
    already sent, costs nothing. Every POST still counts toward a much higher
    ceiling per client address (``<scope>-flood``, by default ``FLOOD_FACTOR`` times
    the limit), which stops floods. Counters fall back to the database when the
    cache is down (core.rate_store): the limit fails closed.

    Per client address, the same e-mail address sent again counts once: what is
    limited is how many people one address signs up, not one person's retries. The
    addresses of ``RATE_LIMIT_SHARED_NETWORKS`` (many agents behind one address) get
    ``SHARED_NETWORK_FACTOR`` times the per-address limits.
    """

    scope: str
    per_ip: str
    per_email: str = ""

    def _rate(self, address: str) -> Rate:
        return _for_address(rate_for(self.scope, self.per_ip), address)

    def _flood_rate(self, address: str) -> Rate:
        rate = rate_for(self.scope, self.per_ip)
        default = f"{rate.count * FLOOD_FACTOR}/{_unit(rate)}"
        return _for_address(rate_for(f"{self.scope}-flood", default), address)

    def _email_rate(self) -> Rate:
        return rate_for(f"{self.scope}-email", self.per_email or self.per_ip)

    def __call__(self, view) -> Callable:
        """Decorates a view: a POST over the ceiling gets the 429 page."""

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            address = client_ip(request)
            if request.method == "POST" and exceeded(
                f"{self.scope}:flood", address, self._flood_rate(address)
            ):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    def refuses(self, request, email: str = "") -> bool:
        """True when the client, or ``email``, has already sent as many submissions as
        allowed: asked by the view once the form is valid and new, before storing it."""
        address = client_ip(request)
        if email and self._already_counted(address, email):
            return reached(f"{self.scope}:email", email, self._email_rate())
        return reached(f"{self.scope}:ip", address, self._rate(address)) or reached(
            f"{self.scope}:email", email, self._email_rate()
        )

    def count_success(self, request, email: str = "") -> None:
        """Counts one successful submission from the client (and ``email``)."""
        address = client_ip(request)
        rate = self._rate(address)
        if not email or _hit(f"{self.scope}:pair", f"{address} {email}", rate) == 1:
            _hit(f"{self.scope}:ip", address, rate)
        _hit(f"{self.scope}:email", email, self._email_rate())

    def _already_counted(self, address: str, email: str) -> bool:
        return reached(
            f"{self.scope}:pair", f"{address} {email}", Rate(1, self._rate(address).seconds)
        )


def _hit(scope: str, identity: str, rate: Rate) -> int:
    if not identity:
        return 0
    return counter_hit(key=window_key(scope, identity, rate), seconds=rate.seconds)


def _for_address(rate: Rate, address: str) -> Rate:
    if is_shared_address(address):
        return Rate(rate.count * SHARED_NETWORK_FACTOR, rate.seconds)
    return rate


def _unit(rate: Rate) -> str:
    return next(unit for unit, seconds in PERIODS.items() if seconds == rate.seconds)
