"""Which storage each kind of file gets, from the environment (territoires/settings/storage.py)."""

import json
import os
import subprocess
import sys

import pytest
from django.core.files.storage import storages

from territoires.settings.storage import file_storages

ENVIRON = {
    "AWS_S3_ENDPOINT_URL": "http://seaweedfs:8333",
    "AWS_ACCESS_KEY_ID": "site",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "AWS_STORAGE_BUCKET_NAME": "media",
    "AWS_PRIVATE_BUCKET_NAME": "contributions",
}


def test_without_a_bucket_files_stay_on_the_local_disk():
    assert file_storages({}) == {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "contributions": {"BACKEND": "contributions.storage.LocalPrivateStorage"},
    }


def test_the_media_bucket_is_public_and_unsigned_the_private_one_is_not():
    configured = file_storages(ENVIRON)
    media, private = configured["default"], configured["contributions"]
    assert media["BACKEND"] == "core.storage.PublicMediaStorage"
    assert private["BACKEND"] == "contributions.storage.PrivateS3Storage"
    assert media["OPTIONS"]["bucket_name"] == "media"
    assert private["OPTIONS"]["bucket_name"] == "contributions"
    for options in (media["OPTIONS"], private["OPTIONS"]):
        assert options["endpoint_url"] == "http://seaweedfs:8333"
        assert options["addressing_style"] == "path"
        assert options["region_name"] == "us-east-1"
        assert options["file_overwrite"] is False
        assert options["default_acl"] is None
    assert media["OPTIONS"]["querystring_auth"] is False
    assert private["OPTIONS"]["querystring_auth"] is True
    assert "custom_domain" not in private["OPTIONS"]


@pytest.mark.parametrize(
    ("domain", "url"),
    [
        ("media.example.org", "https://media.example.org/images/place.png"),
        ("http://localhost:8333/media/", "http://localhost:8333/media/images/place.png"),
    ],
)
def test_media_urls_use_the_public_domain(settings, domain, url):
    settings.STORAGES = {
        **settings.STORAGES,
        **file_storages({**ENVIRON, "AWS_S3_CUSTOM_DOMAIN": domain}),
    }
    assert storages["default"].url("images/place.png") == url


def test_contributed_documents_get_no_address_even_on_the_object_store(settings):
    settings.STORAGES = {**settings.STORAGES, **file_storages(ENVIRON)}
    with pytest.raises(ValueError, match="no public address"):
        storages["contributions"].url("contributions/2026/abc/rapport.pdf")


def test_production_settings_take_the_object_store_and_keep_static_files_on_whitenoise():
    environ = {
        **os.environ,
        **ENVIRON,
        "DJANGO_SETTINGS_MODULE": "territoires.settings.production",
        "SECRET_KEY": "x" * 64,
        "ALLOWED_HOSTS": "territoires-en-commun.example",
        "SITE_URL": "https://territoires-en-commun.example",
        "REDIS_URL": "redis://127.0.0.1:6379/11",
    }
    script = "import json; from django.conf import settings; print(json.dumps(settings.STORAGES))"
    done = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    configured = json.loads(done.stdout.strip().splitlines()[-1])
    assert configured["default"]["BACKEND"] == "core.storage.PublicMediaStorage"
    assert configured["contributions"]["BACKEND"] == "contributions.storage.PrivateS3Storage"
    assert configured["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
