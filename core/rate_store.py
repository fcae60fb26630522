"""Counters for rate limits and login throttling: in the cache, in the database while
the cache is down.

A limit that lets everything through when Redis fails protects nothing at the moment
it matters (an attacker who fills Redis, or waits for an outage, would guess passwords
freely), so counting falls back to ``RateCounter`` rows instead: fail closed. Pages
never read these counters; only the POSTs being limited do.

Every counter has a lifetime, set when it is first written (``seconds``).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .auth_models import RateCounter

logger = logging.getLogger(__name__)


class CacheDown(Exception):
    """The cache could not be read or written: the database takes over."""


def _cache():
    return caches[settings.RATE_LIMIT_CACHE]


def _checked(cache, value):
    # core.cache.ResilientRedisCache answers a miss while Redis is down: ask it.
    if not getattr(cache, "available", True):
        raise CacheDown
    return value


def _warn(action: str) -> None:
    logger.warning("Rate counters %s in the database: cache unavailable", action)


def counter_hit(*, key: str, seconds: int) -> int:
    """Adds one to ``key`` (created with a lifetime of ``seconds``); returns the new count."""
    cache = _cache()
    try:
        cache.add(key, 0, timeout=seconds)
        return _checked(cache, cache.incr(key))
    except Exception:  # Redis down (or the key expired between add and incr)
        _warn("counted")
    return _db_hit(key, seconds)


def counter_read(*, key: str) -> int:
    cache = _cache()
    try:
        return int(_checked(cache, cache.get(key)) or 0)
    except Exception:
        _warn("read")
    now = timezone.now()
    row = RateCounter.objects.filter(key=key, expires_at__gt=now).values_list("value").first()
    return row[0] if row else 0


def counter_write(*, key: str, value: int, seconds: int) -> None:
    cache = _cache()
    try:
        cache.set(key, value, timeout=seconds)
        _checked(cache, None)
        return
    except Exception:
        _warn("written")
    expires_at = timezone.now() + timedelta(seconds=seconds)
    RateCounter.objects.update_or_create(
        key=key, defaults={"value": value, "expires_at": expires_at}
    )


def counter_clear(*, key: str) -> None:
    """Forgets ``key`` in both places (it may have been counted during an outage)."""
    cache = _cache()
    try:
        cache.delete(key)
    except Exception:
        _warn("cleared")
    RateCounter.objects.filter(key=key).delete()


@transaction.atomic
def _db_hit(key: str, seconds: int) -> int:
    now = timezone.now()
    expires_at = now + timedelta(seconds=seconds)
    # The row is locked, so concurrent hits queue up and each sees its own count.
    counter, created = RateCounter.objects.select_for_update().get_or_create(
        key=key, defaults={"value": 1, "expires_at": expires_at}
    )
    if created:
        RateCounter.objects.filter(expires_at__lte=now).delete()  # purge as we go
        return 1
    if counter.expires_at <= now:
        RateCounter.objects.filter(pk=counter.pk).update(value=1, expires_at=expires_at)
        return 1
    RateCounter.objects.filter(pk=counter.pk).update(value=F("value") + 1)
    return counter.value + 1
