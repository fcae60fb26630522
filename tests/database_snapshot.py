"""A copy of the test database's tables kept beside them, to put the session's data
back after a transactional test empties them.

Django's own way (serialising every row to JSON, then saving each through the ORM)
took about 50 s per test on PostgreSQL with the demo loaded; copying table to table
in SQL takes well under a second. Foreign keys are deferred (Django creates them
``DEFERRABLE INITIALLY DEFERRED``), so the tables fill in any order, in one
transaction, and the sequences keep counting past the ids put back. The names in
the SQL are the models' own tables, quoted: nothing here comes from a user.
"""

from django.db import transaction

SQLITE_PREFIX = "snapshot__"
POSTGRESQL_SCHEMA = "test_snapshot"


def snapshot_take(connection) -> list[str]:
    """Copy every table of the project's models; returns the tables copied."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP SCHEMA IF EXISTS {POSTGRESQL_SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {POSTGRESQL_SCHEMA}")
        for table in tables:
            copy = _copy_name(connection, table)
            if connection.vendor != "postgresql":
                cursor.execute(f"DROP TABLE IF EXISTS {copy}")
            cursor.execute(f"CREATE TABLE {copy} AS SELECT * FROM {quote(table)}")  # noqa: S608
    return tables


def snapshot_restore(connection, tables: list[str]) -> None:
    """Empty the tables and fill them again from their copies."""
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(f"TRUNCATE {', '.join(quote(table) for table in tables)}")
        else:
            cursor.execute("PRAGMA defer_foreign_keys = ON")
            for table in tables:
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        for table in tables:
            columns = ", ".join(quote(name) for name in _writable_columns(connection, table))
            copy = _copy_name(connection, table)
            insert = f"INSERT INTO {quote(table)} ({columns}) SELECT {columns} FROM {copy}"  # noqa: S608
            cursor.execute(insert)


def _copy_name(connection, table: str) -> str:
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        return f"{POSTGRESQL_SCHEMA}.{quote(table)}"
    return quote(SQLITE_PREFIX + table)


def _writable_columns(connection, table: str) -> list[str]:
    """Every column but generated ones, which the database computes itself."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s "
                "AND is_generated = 'NEVER' ORDER BY ordinal_position",
                [table],
            )
            return [row[0] for row in cursor.fetchall()]
        description = connection.introspection.get_table_description(cursor, table)
        return [column.name for column in description]
