"""Moderators send the newsletter and manage its subscribers; editors see who subscribes."""

from django.db import migrations

from core.permissions import grant_permissions

GRANTS = {
    "Editors": ["view_subscriber", "view_dispatch"],
    "Moderators": [
        "view_subscriber",
        "change_subscriber",
        "delete_subscriber",
        "view_dispatch",
        "send_dispatch",
    ],
}


def grant(apps, schema_editor):
    grant_permissions(apps, "newsletter", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0002_issues_subscribers_sending"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
