import pytest
from django.contrib.auth.models import Group

from tests.collectivites.factories import UserFactory
from themes.models import ThemePage


@pytest.fixture(autouse=True)
def _private_uploads(settings, tmp_path):
    """Documents sent with proposals go to a temporary folder, not var/."""
    settings.CONTRIBUTION_UPLOAD_ROOT = tmp_path / "contributions"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def moderator(db, settings):
    user = UserFactory(username="moderatrice", email="moderatrice@anct.gouv.fr", first_name="Mia")
    user.groups.add(Group.objects.get(name="Moderators"))
    # The moderation notices go to the one moderation address: hers here.
    settings.MODERATION_EMAIL = user.email
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def theme(db):
    return ThemePage.objects.live().order_by("-month").first()
