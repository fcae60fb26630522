from django.db import migrations

from core.permissions import grant_permissions


def grant(apps, schema_editor):
    # Moderators review contributions and follow up the collectivités' requests.
    grant_permissions(
        apps,
        "contributions",
        {
            "Moderators": [
                "view_contribution",
                "change_contribution",
                "view_needrequest",
                "change_needrequest",
            ]
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
