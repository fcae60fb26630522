"""Moderators review representatives and set the collectivités' e-mail domains."""

from django.db import migrations

from core.permissions import grant_permissions

GRANTS = {
    "Moderators": [
        "view_representative",
        "change_representative",
        "view_collectivite",
        "change_collectivite",
    ],
}


def grant(apps, schema_editor):
    grant_permissions(apps, "collectivites", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("collectivites", "0002_region_codes_overseas"),
        ("core", "0002_editorial_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
