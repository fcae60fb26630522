"""Give Wagtail's Editors and Moderators what they manage of the votes.

Editors prepare campaigns and their themes; Moderators also moderate the
proposals, close campaigns (change_campaign) and manage registrations. Ballots
are read-only for everyone: only the collectivités cast them.
"""

from django.db import migrations

from core.permissions import grant_permissions

EDITING = [
    "add_campaign",
    "change_campaign",
    "view_campaign",
    "add_candidate",
    "change_candidate",
    "view_candidate",
    "view_ballot",
]
GRANTS = {
    "Editors": EDITING,
    "Moderators": [
        *EDITING,
        "delete_candidate",
        "change_themeproposal",
        "view_themeproposal",
        "view_projectregistration",
        "delete_projectregistration",
    ],
}


def grant(apps, schema_editor):
    grant_permissions(apps, "votes", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("votes", "0002_campaigns_ballots_shared_projects"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
