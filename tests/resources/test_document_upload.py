"""Documents attached to resources: PDF, ODT or DOCX for real, within the size limit."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

from core.documents import DocumentForm

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("redaction", password="motdepasse-solide")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def upload(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_the_admin_document_form_uses_our_checks():
    assert issubclass(get_document_form(get_document_model()), DocumentForm)


def test_a_real_pdf_is_accepted(client, editor):
    response = upload(client, "note-enquete.pdf", PDF)
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="note-enquete.pdf").exists()


def test_a_real_docx_is_accepted(client, editor):
    assert upload(client, "fiche.docx", docx_bytes()).status_code == 302


def test_a_text_file_named_pdf_is_refused_in_french(client, editor):
    response = upload(client, "faux.pdf", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 200
    assert "Seuls les documents PDF, ODT et DOCX sont acceptés." in response.content.decode()
    assert not get_document_model().objects.filter(title="faux.pdf").exists()


def test_a_docx_named_pdf_is_refused(client, editor):
    response = upload(client, "deguise.pdf", docx_bytes())
    assert "ne correspond pas à son extension" in response.content.decode()


def test_a_too_large_document_is_refused(client, editor, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    response = upload(client, "gros.pdf", PDF + b"0" * 2048)
    assert "la limite est de 1,0\xa0Kio" in response.content.decode()


def test_an_svg_is_refused(client, editor):
    response = upload(client, "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title="logo.svg").exists()
