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

from .client import client_ip
from .rate_store import counter_hit

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
