"""The library's version: a new number whenever a change reaches what the library page
shows (resources.library_index reads it). PostgreSQL takes it from a sequence, once per
statement; SQLite draws a random 63-bit number, on every row changed (it has no
statement triggers), including the link tables of themes, audiences and tags."""

from django.db import migrations

# Fixed statements (no input).
POSTGRES_SQL = [
    "CREATE SEQUENCE IF NOT EXISTS resources_library_version_seq",
    "CREATE TABLE IF NOT EXISTS resources_library_version (version bigint NOT NULL)",
    "INSERT INTO resources_library_version SELECT nextval('resources_library_version_seq') "
    "WHERE NOT EXISTS (SELECT 1 FROM resources_library_version)",
    """CREATE OR REPLACE FUNCTION resources_library_version_next() RETURNS void
       LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE resources_library_version SET version = nextval('resources_library_version_seq');
         IF NOT FOUND THEN
           INSERT INTO resources_library_version VALUES (nextval('resources_library_version_seq'));
         END IF;
       END $$""",
    # Inserted or deleted rows: a new version when the statement touched any.
    """CREATE OR REPLACE FUNCTION resources_library_rows_changed() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN
         IF EXISTS (SELECT 1 FROM changed) THEN
           PERFORM resources_library_version_next();
         END IF;
         RETURN NULL;
       END $$""",
    # Updated rows: only when what the page shows changed (a draft saved changes nothing).
    """CREATE OR REPLACE FUNCTION resources_library_rows_updated() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN
         IF EXISTS (
           SELECT 1 FROM before_update o FULL JOIN after_update n ON n.id = o.id
           WHERE o.id IS NULL OR n.id IS NULL
              OR (o.live, o.published_on, o.kind, o.publisher_id, o.theme_ids,
                  o.audience_ids, o.tag_ids, o.search_vector)
                 IS DISTINCT FROM
                 (n.live, n.published_on, n.kind, n.publisher_id, n.theme_ids,
                  n.audience_ids, n.tag_ids, n.search_vector)
         ) THEN
           PERFORM resources_library_version_next();
         END IF;
         RETURN NULL;
       END $$""",
    "DROP TRIGGER IF EXISTS resources_library_inserted ON resources_resource",
    "CREATE TRIGGER resources_library_inserted AFTER INSERT ON resources_resource "
    "REFERENCING NEW TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION resources_library_rows_changed()",
    "DROP TRIGGER IF EXISTS resources_library_deleted ON resources_resource",
    "CREATE TRIGGER resources_library_deleted AFTER DELETE ON resources_resource "
    "REFERENCING OLD TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION resources_library_rows_changed()",
    "DROP TRIGGER IF EXISTS resources_library_updated ON resources_resource",
    "CREATE TRIGGER resources_library_updated AFTER UPDATE ON resources_resource "
    "REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update FOR EACH STATEMENT "
    "EXECUTE FUNCTION resources_library_rows_updated()",
    """CREATE OR REPLACE FUNCTION resources_library_truncated() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM resources_library_version_next();
         RETURN NULL;
       END $$""",
    "DROP TRIGGER IF EXISTS resources_library_truncated ON resources_resource",
    "CREATE TRIGGER resources_library_truncated AFTER TRUNCATE ON resources_resource "
    "FOR EACH STATEMENT EXECUTE FUNCTION resources_library_truncated()",
]


NEXT = "BEGIN UPDATE resources_library_version SET version = abs(random()); END"
SHOWN = ["id", "live", "published_on", "kind", "publisher_id", "index_title", "index_summary"]
SQLITE_SQL = [
    "CREATE TABLE IF NOT EXISTS resources_library_version (version bigint NOT NULL)",
    "INSERT INTO resources_library_version SELECT abs(random()) "
    "WHERE NOT EXISTS (SELECT 1 FROM resources_library_version)",
    *(
        f"CREATE TRIGGER IF NOT EXISTS {table}_library_{event.lower()} "
        f"AFTER {event} ON {table} {NEXT}"
        for table in [
            "resources_resource",
            "resources_resource_themes",
            "resources_resource_audiences",
            "resources_taggedresource",
        ]
        for event in ["INSERT", "DELETE", "UPDATE"]
        if (table, event) != ("resources_resource", "UPDATE")
    ),
    # Updated resources: only when what the page shows changed (a draft changes nothing).
    "CREATE TRIGGER IF NOT EXISTS resources_resource_library_update "
    "AFTER UPDATE ON resources_resource WHEN "
    + " OR ".join(f"old.{column} IS NOT new.{column}" for column in [*SHOWN, "index_extra"])
    + f" {NEXT}",
]


def create_version(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in POSTGRES_SQL if postgres else SQLITE_SQL:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("resources", "0006_search_analyser_vocabulary")]

    operations = [migrations.RunPython(create_version, migrations.RunPython.noop)]
