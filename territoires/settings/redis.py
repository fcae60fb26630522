"""Redis URLs: the cache on ``REDIS_URL``, the Celery broker on a database of its own.

A queue of tasks must not live in the cache's database: clearing or evicting the
cache would lose tasks, and the broker's keys would crowd out cached pages.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured


def _database_number(url: str) -> int:
    """The database a Redis URL names: its path (``/2``), its ``?db=``, else 0."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    text = query.get("db") or ("" if parts.scheme == "unix" else parts.path.strip("/")) or "0"
    if not text.isdigit():
        raise ImproperlyConfigured(
            "A Redis URL must end with a database number (redis://host:6379/0)."
        )
    return int(text)


def redis_next_database_url(url: str) -> str:
    """``url`` with the database number + 1: ``redis://redis:6379/0`` → ``…/1``."""
    parts = urlsplit(url)
    number = _database_number(url) + 1
    query = dict(parse_qsl(parts.query))
    if parts.scheme == "unix" or "db" in query:
        query["db"] = str(number)
        # Built by hand: urlunsplit would drop the empty host of « unix:///path ».
        return f"{url.partition('?')[0]}?{urlencode(query)}"
    return urlunsplit(parts._replace(path=f"/{number}"))


def celery_broker_default(redis_url: str) -> str:
    """The broker when CELERY_BROKER_URL is unset: the cache's next database, or the
    in-memory transport (tasks run in the request) without Redis."""
    return redis_next_database_url(redis_url) if redis_url else "memory://"


def redis_same_database(first: str, second: str) -> bool:
    """True when both URLs reach the same database of the same Redis server."""

    def address(url: str) -> tuple:
        parts = urlsplit(url)
        if not parts.scheme.startswith(("redis", "unix")):
            return (parts.scheme, url)
        server = parts.path if parts.scheme == "unix" else (parts.hostname, parts.port or 6379)
        return (parts.scheme.replace("rediss", "redis"), server, _database_number(url))

    return address(first) == address(second)
