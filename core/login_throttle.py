"""Failed logins, counted per account and per client address, to stop password guessing.

Shared by the site's login (representatives) and the Wagtail admin's.

``ratelimit.exceeded`` counts every hit; a login must be refused *before* the
password is checked, without counting the attempt as a failure, so failures are
counted here in the same cache, with rates read (and overridable) the same way.
"""

import logging

from django.conf import settings
from django.core.cache import caches

from .client import client_ip
from .ratelimit import Rate, rate_for, window_key

logger = logging.getLogger(__name__)

ACCOUNT_SCOPE = "login-failures:account"
ADDRESS_SCOPE = "login-failures:ip"
ACCOUNT_DEFAULT = "5/h"
ADDRESS_DEFAULT = "30/h"


def _limits(request, email: str) -> list[tuple[str, Rate]]:
    """(cache key, rate) of the counters a login attempt is checked against."""
    address_rate = rate_for(ADDRESS_SCOPE, ADDRESS_DEFAULT)
    limits = [(window_key(ADDRESS_SCOPE, client_ip(request), address_rate), address_rate)]
    if email.strip():
        account_rate = rate_for(ACCOUNT_SCOPE, ACCOUNT_DEFAULT)
        limits.append((window_key(ACCOUNT_SCOPE, email, account_rate), account_rate))
    return limits


def login_blocked(request, email: str) -> bool:
    """True when this account or this address failed too often in the current window."""
    cache = caches[settings.RATE_LIMIT_CACHE]
    try:
        return any((cache.get(key) or 0) >= rate.count for key, rate in _limits(request, email))
    except Exception:  # the cache is down: let people log in
        logger.warning("Login throttling not checked: cache unavailable", exc_info=True)
        return False


def login_failed(request, email: str) -> None:
    cache = caches[settings.RATE_LIMIT_CACHE]
    try:
        for key, rate in _limits(request, email):
            cache.add(key, 0, timeout=rate.seconds)
            cache.incr(key)
    except Exception:
        logger.warning("Failed login not counted: cache unavailable", exc_info=True)


def login_succeeded(request, email: str) -> None:
    """The right password clears the account's failures (not the address's)."""
    if not email.strip():
        return
    rate = rate_for(ACCOUNT_SCOPE, ACCOUNT_DEFAULT)
    try:
        caches[settings.RATE_LIMIT_CACHE].delete(window_key(ACCOUNT_SCOPE, email, rate))
    except Exception:
        logger.warning("Login failures not cleared: cache unavailable", exc_info=True)
