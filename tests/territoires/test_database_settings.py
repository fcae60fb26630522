import sqlite3

from territoires.settings.database import database_config


def test_sqlite_url_gives_wal_and_immediate_transactions(tmp_path):
    config = database_config(f"sqlite:///{tmp_path / 'site.sqlite3'}")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "site.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "PRAGMA journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_sqlite_options_really_switch_the_file_to_wal(tmp_path, django_db_blocker):
    from django.db.utils import ConnectionHandler

    path = tmp_path / "site.sqlite3"
    connection = ConnectionHandler({"default": database_config(f"sqlite:///{path}")})["default"]
    with django_db_blocker.unblock():
        try:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                assert cursor.fetchone() == ("wal",)
        finally:
            connection.close()
    # WAL is a property of the file: a plain connection sees it too.
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_postgres_url_uses_the_postgresql_backend():
    config = database_config("postgres://tec:secret@db.example:5433/territoires")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "territoires")
    assert (config["USER"], config["PASSWORD"]) == ("tec", "secret")
    assert config["CONN_HEALTH_CHECKS"] is True
    assert "transaction_mode" not in config.get("OPTIONS", {})
