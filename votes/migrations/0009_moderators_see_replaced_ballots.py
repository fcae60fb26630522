"""Editors and Moderators read the ballots replaced when communes merged, as they read
the ballots (read-only for everyone: the import of the official list writes them)."""

from django.db import migrations

from core.permissions import grant_permissions


def grant(apps, schema_editor):
    grant_permissions(
        apps,
        "votes",
        {"Editors": ["view_replacedballot"], "Moderators": ["view_replacedballot"]},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("votes", "0008_replaced_ballots_of_merged_communes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
