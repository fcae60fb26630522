"""Documents sent with a resource: PDF, ODT or DOCX for real, size-limited, private until published."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contributions.models import Contribution
from resources.models import Resource

from .helpers import resource_data, submit_and_confirm, text

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def post_document(client, name: str, content: bytes, content_type="application/octet-stream"):
    data = resource_data(url="", document=SimpleUploadedFile(name, content, content_type))
    return client.post("/contribuer/ressource/", data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("guide.exe", b"MZ\x90\x00binary", "Seuls les documents PDF, ODT et DOCX sont acceptés."),
        (
            "guide.pdf",
            b"<html>not a pdf</html>",
            "Seuls les documents PDF, ODT et DOCX sont acceptés.",
        ),
        ("guide.docx", PDF, "ne correspond pas à son extension"),
        ("guide.pdf", docx_bytes(), "ne correspond pas à son extension"),
    ],
)
def test_documents_are_checked_by_their_content(client, name, content, message):
    response = post_document(client, name, content)
    assert response.status_code == 200
    assert message in text(response)
    assert "Le formulaire contient 1 erreur" in text(response)
    assert Contribution.objects.count() == 0


def test_a_document_over_the_size_limit_is_refused(client, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    response = post_document(client, "guide.pdf", PDF + b" " * 2048)
    assert "la limite est de 1,0" in text(response)
    assert Contribution.objects.count() == 0


def test_a_document_stays_private_until_the_resource_is_published(
    client, moderator, django_capture_on_commit_callbacks, settings
):
    capture = django_capture_on_commit_callbacks
    content = docx_bytes()  # once: a zip records the time it was made
    contribution = submit_and_confirm(
        client,
        "ressource",
        capture,
        url="",
        document=SimpleUploadedFile("guide.docx", content),
    )
    stored = settings.CONTRIBUTION_UPLOAD_ROOT / contribution.document.name
    assert stored.exists()
    assert str(settings.MEDIA_ROOT) not in str(stored.resolve())

    download = f"/admin/contributions/document/{contribution.pk}/"
    assert client.get(download).status_code == 302  # to the admin login
    client.force_login(moderator)
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert 'filename="guide.docx"' in response["Content-Disposition"]

    with capture(execute=True):
        client.post(f"/admin/contributions/approve/{contribution.pk}/")
    resource = Resource.objects.get(title=contribution.title)
    assert resource.live
    assert resource.document.file.read() == content
    assert resource.link == resource.document.url
