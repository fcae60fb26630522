"""A database made before the apps moved to the top level migrates on: the app
labels, hence the tables, content types and permissions, and every migration
it has recorded are still there."""

from django.apps import apps
from django.db.migrations.loader import MigrationLoader

# The history an existing database records (django_migrations) as of the move.
RECORDED_MIGRATIONS = {
    "core": [
        "0001_initial",
        "0002_editorial_permissions",
        "0003_french_search_configuration",
        "0004_need_page",
        "0005_accessibility_default_non_conforme",
    ],
    "collectivites": ["0001_initial", "0002_region_codes_overseas", "0003_moderator_permissions"],
    "contributions": ["0001_initial", "0002_moderators_permissions"],
    "themes": [
        "0001_initial",
        "0002_conceptindexpage_projectpage_projectpagetag_and_more",
        "0003_contributed_by",
    ],
    "resources": [
        "0001_initial",
        "0002_audience_taggedresource_resource",
        "0003_resource_themes_taggedresource_content_object_and_more",
        "0004_audiences_search_index_permissions",
        "0005_contributed_by",
    ],
    "events": ["0001_initial", "0002_event_page"],
    "votes": [
        "0001_initial",
        "0002_campaigns_ballots_shared_projects",
        "0003_editor_moderator_permissions",
        "0004_choices_public_help",
    ],
    "newsletter": [
        "0001_initial",
        "0002_issues_subscribers_sending",
        "0003_editorial_permissions",
        "0004_vote_and_agenda_sections",
    ],
}


def test_each_app_keeps_its_label_at_the_top_level():
    for label in RECORDED_MIGRATIONS:
        config = apps.get_app_config(label)
        assert config.name == label  # a top-level package…
        assert config.label == label  # …under the label its tables are named after


def test_every_recorded_migration_is_still_on_disk():
    on_disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    missing = [
        (label, name)
        for label, names in RECORDED_MIGRATIONS.items()
        for name in names
        if (label, name) not in on_disk
    ]
    assert not missing
