"""Where contributed documents wait for moderation: outside the public media folder.

A document sent with a proposed resource is not public until a moderator
publishes it (it then becomes a Wagtail document); until then it is served only
to moderators, through the admin.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateUploadStorage(FileSystemStorage):
    """``settings.CONTRIBUTION_UPLOAD_ROOT``, read at each use so tests can move it."""

    @property
    def base_location(self):
        return str(settings.CONTRIBUTION_UPLOAD_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Contributed documents have no public address.")


private_storage = PrivateUploadStorage()
