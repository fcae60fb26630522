from django.db import migrations

from core.permissions import grant_permissions

AUDIENCES = [
    ("elus", "Élus"),
    ("agents", "Agents des collectivités"),
    ("associations", "Associations"),
    ("habitants", "Habitants"),
]

RESOURCE_EDITING = ["add_resource", "change_resource", "view_resource", "publish_resource"]


def add_audiences(apps, schema_editor):
    Audience = apps.get_model("resources", "Audience")
    for order, (slug, name) in enumerate(AUDIENCES):
        Audience.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS resources_resource_search_vector_gin "
            "ON resources_resource USING gin (search_vector)"
        )


def grant(apps, schema_editor):
    grant_permissions(
        apps,
        "resources",
        {
            "Editors": RESOURCE_EDITING,
            "Moderators": [
                *RESOURCE_EDITING,
                "delete_resource",
                "add_audience",
                "change_audience",
                "view_audience",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0003_resource_themes_taggedresource_content_object_and_more"),
        ("core", "0003_french_search_configuration"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(add_audiences, migrations.RunPython.noop),
        migrations.RunPython(add_search_index, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
