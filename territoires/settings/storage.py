"""Where uploaded files go: the local disk by default, an S3-compatible object store when set.

Two kinds of files, two places:

- ``default``: the public media, Wagtail images, their renditions and documents.
  With ``AWS_STORAGE_BUCKET_NAME`` they go to that bucket, whose objects every
  visitor may read (the bucket's policy says so, not a per-object ACL, which many
  S3-compatible servers and recent AWS buckets refuse); their URLs are plain,
  unsigned and permanent.
- ``contributions``: documents sent with proposals, waiting for moderation. With
  ``AWS_PRIVATE_BUCKET_NAME`` they go to that bucket, which must not be readable
  anonymously; the site never gives out an address for them (moderators download
  them through the admin).

Path-style addressing (``endpoint/bucket/key``) works with SeaweedFS, Garage and
MinIO as well as with AWS.
"""

from collections.abc import Mapping

LOCAL_MEDIA = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
LOCAL_CONTRIBUTIONS = {"BACKEND": "contributions.storage.LocalPrivateStorage"}
PRIVATE_STORAGE_ALIAS = "contributions"


def _connection(environ: Mapping[str, str]) -> dict:
    """How to reach the object store, shared by both buckets."""
    return {
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or "us-east-1",
        "addressing_style": "path",
        "signature_version": "s3v4",
        # Two uploads of « guide.pdf » keep both files.
        "file_overwrite": False,
        "default_acl": None,
    }


def _custom_domain(value: str) -> dict:
    """``media.example.org`` (HTTPS) or a full ``http://host:port/bucket`` address."""
    if not value:
        return {}
    for protocol in ("https:", "http:"):
        if value.startswith(f"{protocol}//"):
            return {
                "custom_domain": value[len(protocol) + 2 :].rstrip("/"),
                "url_protocol": protocol,
            }
    return {"custom_domain": value.rstrip("/")}


def public_media_storage(environ: Mapping[str, str]) -> dict:
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return LOCAL_MEDIA
    return {
        "BACKEND": "core.storage.PublicMediaStorage",
        "OPTIONS": {
            **_connection(environ),
            **_custom_domain(environ.get("AWS_S3_CUSTOM_DOMAIN", "")),
            "bucket_name": bucket,
            "querystring_auth": False,
        },
    }


def private_contribution_storage(environ: Mapping[str, str]) -> dict:
    bucket = environ.get("AWS_PRIVATE_BUCKET_NAME", "")
    if not bucket:
        return LOCAL_CONTRIBUTIONS
    return {
        "BACKEND": "contributions.storage.PrivateS3Storage",
        "OPTIONS": {**_connection(environ), "bucket_name": bucket, "querystring_auth": True},
    }


def file_storages(environ: Mapping[str, str]) -> dict:
    """The ``default`` and ``contributions`` entries of ``STORAGES``."""
    return {
        "default": public_media_storage(environ),
        PRIVATE_STORAGE_ALIAS: private_contribution_storage(environ),
    }
