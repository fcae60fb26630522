"""Images, renditions and documents live in the public bucket and are served from it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.object_store import http_fetch, http_get

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes(width=320, height=240) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (0, 99, 203)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, content: bytes):
    response = client.post(
        "/admin/images/add/",
        {"title": "Place du village", "file": SimpleUploadedFile("place.png", content)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_image_model().objects.get(title="Place du village")


def test_an_uploaded_image_and_its_rendition_are_served_by_the_object_store(
    client, editor, s3_storages
):
    client.force_login(editor)
    content = png_bytes()
    image = upload_image(client, content)

    assert s3_storages.read(s3_storages.public_bucket, image.file.name) == content
    assert image.file.url.startswith(f"{s3_storages.endpoint}/{s3_storages.public_bucket}/")
    assert http_get(image.file.url) == (200, content)

    rendition = image.get_rendition("fill-80x60")
    assert rendition.url.startswith(f"{s3_storages.endpoint}/{s3_storages.public_bucket}/")
    status, served = http_get(rendition.url)
    assert status == 200
    assert served == s3_storages.read(s3_storages.public_bucket, rendition.file.name)
    assert PILImage.open(io.BytesIO(served)).size == (80, 60)


def test_deleting_an_image_removes_it_and_its_renditions_from_the_bucket(
    client, editor, s3_storages, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    image = upload_image(client, png_bytes())
    rendition = image.get_rendition("width-100")
    keys = [image.file.name, rendition.file.name]
    assert all(s3_storages.holds(s3_storages.public_bucket, key) for key in keys)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/images/{image.pk}/delete/")
    assert response.status_code == 302
    assert not any(s3_storages.holds(s3_storages.public_bucket, key) for key in keys)
    assert http_get(f"{s3_storages.endpoint}/{s3_storages.public_bucket}/{keys[0]}")[0] == 404


def test_a_document_is_downloaded_from_the_object_store(client, editor, s3_storages):
    client.force_login(editor)
    response = client.post(
        "/admin/documents/add/",
        {"title": "Guide du budget participatif", "file": SimpleUploadedFile("guide.pdf", PDF)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="Guide du budget participatif")
    assert s3_storages.read(s3_storages.public_bucket, document.file.name) == PDF

    client.logout()
    link = client.get(document.url)  # the site's /documents/… address, as pages print it
    assert link.status_code == 302
    assert link["Location"].startswith(f"{s3_storages.endpoint}/{s3_storages.public_bucket}/")
    status, headers, served = http_fetch(link["Location"])
    assert (status, served) == (200, PDF)
    assert headers["Content-Disposition"] == "attachment"
