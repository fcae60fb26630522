"""Turn a DATABASE_URL into Django's DATABASES entry.

SQLite is the embedded default: WAL lets readers work while one writer writes,
and IMMEDIATE transactions take the write lock up front, so concurrent writers
wait (up to ``timeout`` seconds) instead of failing with "database is locked".
"""

import dj_database_url

SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;"
    ),
}


def database_config(url: str, *, conn_max_age: int = 60) -> dict:
    """Return the settings dict for ``url`` (sqlite:///path or postgres://…)."""
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        return config
    # psycopg 3 is what Django's postgresql backend picks up when installed.
    config["CONN_MAX_AGE"] = conn_max_age
    config["CONN_HEALTH_CHECKS"] = True
    return config
