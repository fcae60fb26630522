"""The public media on an S3-compatible object store (see territoires/settings/storage.py)."""

from django.utils.deconstruct import deconstructible
from storages.backends.s3 import S3Storage

# Wagtail stores documents under this folder (wagtail.documents.models.AbstractDocument).
DOCUMENTS_FOLDER = "documents/"


@deconstructible
class PublicMediaStorage(S3Storage):
    """Images, renditions and documents in the public media bucket.

    Documents keep the site's rule that they are downloaded, never shown inline
    (``WAGTAILDOCS_INLINE_CONTENT_TYPES``), even when the object store serves them.
    """

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if name.startswith(DOCUMENTS_FOLDER):
            parameters.setdefault("ContentDisposition", "attachment")
        return parameters
