from django.db import migrations

from core.permissions import grant_permissions


def grant(apps, schema_editor):
    # Moderators follow the registrations taken on the site (and move one off the waiting list).
    grant_permissions(
        apps,
        "events",
        {"Moderators": ["view_eventregistration", "change_eventregistration"]},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_event_series_attendance_registration"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
