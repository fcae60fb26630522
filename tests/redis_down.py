"""The cache as it is while Redis is down: ``core.cache.ResilientRedisCache`` pointed at a
port nobody listens on, with short timeouts so a test does not wait for them."""

from django.core.cache import caches

DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def cache_on_dead_redis(settings, location: str = DEAD_REDIS):
    """Points the default cache at ``location`` until the generator is closed."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    yield
    caches["default"].close()
