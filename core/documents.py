"""Checks on uploaded documents: PDF, ODT or DOCX for real, and not too large.

The extension alone proves nothing, so the content is inspected too.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def detected_format(uploaded) -> str | None:
    """ "pdf", "odt", "docx" or None, from the file's bytes."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
            if "word/document.xml" in names:
                return "docx"
    except zipfile.BadZipFile:
        return None
    finally:
        uploaded.seek(0)
    return None


def validate_document(uploaded) -> None:
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    if uploaded.size > limit:
        raise ValidationError(
            "Le fichier pèse %(size)s : la limite est de %(limit)s."
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)}
        )
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    actual = detected_format(uploaded)
    if actual is None:
        raise ValidationError("Seuls les documents PDF, ODT et DOCX sont acceptés.")
    if actual != extension:
        raise ValidationError(
            "Le contenu du fichier (%(actual)s) ne correspond pas à son extension (.%(ext)s)."
            % {"actual": actual.upper(), "ext": extension}
        )


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # On edit without a new file, Wagtail passes the stored FieldFile back.
        if uploaded and hasattr(uploaded, "content_type"):
            validate_document(uploaded)
        return uploaded
