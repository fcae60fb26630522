"""A Redis cache that degrades to "always a miss" while Redis is unreachable.

The cache is an accelerator: when Redis is down, pages are computed again
rather than failing. After an error the backend stops asking Redis for a few
seconds (a circuit breaker), so a dead server does not add a timeout to every
call; the health endpoint reports the cache as down meanwhile.
"""

import logging
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


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def _call(self, name, default, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            result = getattr(super(), name)(*args, **kwargs)
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
        return self._call("clear", False)

    def incr(self, key, delta=1, version=None):
        # Counters must not silently restart from nothing: the caller decides.
        if time.monotonic() < self._down_until:
            raise RedisConnectionError("Redis cache marked unreachable")
        return super().incr(key, delta, version)
