"""A Redis cache that degrades to "always a miss" while Redis is unreachable.

The cache is an accelerator: when Redis is down, pages are computed again
rather than failing. After an error the backend stops asking Redis for a few
seconds (a circuit breaker), so a dead server does not add a timeout to every
call; the health endpoint reports the cache as down meanwhile.
"""

import logging
import re
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Sent when Redis answers again after an outage: what was cached meanwhile may be stale.
cache_recovered = Signal()

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER_SECONDS = 5.0
CLEAR_BATCH = 500
GLOB_SPECIALS = re.compile(r"[*?\[\]\\]")


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    @property
    def available(self) -> bool:
        """False while Redis is taken for down (after a failed call): a caller that must
        not mistake an outage for a miss (core.rate_store) asks after reading."""
        return time.monotonic() >= self._down_until

    def _call(self, name, default, *args, **kwargs):
        return self._guarded(default, getattr(super(), name), *args, **kwargs)

    def _guarded(self, default, method, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            result = method(*args, **kwargs)
        except UNAVAILABLE:
            if not self._down_until:
                logger.warning("Redis cache unreachable: serving without cache", exc_info=True)
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            return default
        if self._down_until:
            self._down_until = 0.0
            logger.warning("Redis cache reachable again")
            cache_recovered.send(sender=type(self))
        return result

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        """Deletes this cache's keys only (those under its KEY_PREFIX), never FLUSHDB:
        the Redis database may hold other data (the broker's, another site's, a
        developer's, a parallel test run's)."""
        return self._guarded(False, self._delete_own_keys)

    def _delete_own_keys(self) -> bool:
        client = self._cache.get_client(write=True)
        batch = []
        pattern = GLOB_SPECIALS.sub(r"\\\g<0>", self.key_prefix) + ":*"
        for key in client.scan_iter(match=pattern, count=CLEAR_BATCH):
            batch.append(key)
            if len(batch) == CLEAR_BATCH:
                client.delete(*batch)
                batch.clear()
        if batch:
            client.delete(*batch)
        return True

    def incr(self, key, delta=1, version=None):
        # Counters must not silently restart from nothing: the caller decides.
        if time.monotonic() < self._down_until:
            raise RedisConnectionError("Redis cache marked unreachable")
        return super().incr(key, delta, version)
