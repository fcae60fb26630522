"""Where contributed documents wait for moderation: never in the public media.

A document sent with a proposed resource is not public until a moderator
publishes it (it then becomes a Wagtail document on the default storage); until
then it is served only to moderators, through the admin (``DocumentView``).

The ``contributions`` entry of ``settings.STORAGES`` says where they are: a local
folder (``CONTRIBUTION_UPLOAD_ROOT``) by default, a private bucket of the object
store in production (territoires/settings/storage.py). Neither has a public address.
"""

import os

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible
from storages.backends.s3 import S3Storage

PRIVATE_STORAGE_ALIAS = "contributions"
NO_ADDRESS = "Contributed documents have no public address."
# What a storage raises when the disk or the object store cannot take a file.
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)


@deconstructible
class LocalPrivateStorage(FileSystemStorage):
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
        raise ValueError(NO_ADDRESS)


@deconstructible
class PrivateS3Storage(S3Storage):
    """The private bucket: objects without a public ACL, and no URL, not even a signed one."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError(NO_ADDRESS)


@deconstructible
class PrivateUploadStorage(Storage):
    """The storage of ``Contribution.document``: whichever ``STORAGES["contributions"]`` is.

    Model fields bind their storage at import; this one looks the configured storage
    up at each call, so settings (and tests overriding them) decide where files go.
    """

    @property
    def backend(self) -> Storage:
        return storages[PRIVATE_STORAGE_ALIAS]

    def open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def save(self, name, content, max_length=None):
        return self.backend.save(name, content, max_length=max_length)

    def delete(self, name):
        self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def size(self, name):
        return self.backend.size(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def url(self, name):
        raise ValueError(NO_ADDRESS)

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return self.backend.get_available_name(name, max_length=max_length)

    def get_valid_name(self, name):
        return self.backend.get_valid_name(name)

    def get_modified_time(self, name):
        return self.backend.get_modified_time(name)


private_storage = PrivateUploadStorage()
