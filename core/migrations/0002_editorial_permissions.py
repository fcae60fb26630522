"""Give Wagtail's Editors and Moderators groups the site-wide models they manage."""

from django.db import migrations

from core.permissions import grant_permissions

GRANTS = {
    "Editors": ["add_partner", "change_partner", "view_partner"],
    "Moderators": [
        "add_partner",
        "change_partner",
        "delete_partner",
        "view_partner",
        "change_sitesettings",
    ],
}


def grant(apps, schema_editor):
    grant_permissions(apps, "core", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
