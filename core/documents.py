"""Checks on uploaded documents: PDF, ODT or DOCX for real, and not too large.

The extension alone proves nothing, so the content is inspected too. ODT and DOCX
are zip archives, and a zip can be a bomb: a few kilobytes that inflate to gigabytes
(« zip bomb »), or a directory of hundreds of thousands of entries. So the archive's
directory is measured before it is parsed, the sizes it declares are checked before
anything is inflated, and the one member read (``mimetype``) is read only as far as
its expected value: whatever the archive holds, checking it costs a few kilobytes.
"""

import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Enough to see the value and anything after it that would make it another one.
MIMETYPE_READ_BYTES = 256

# A long report with images has a few hundred members and a directory of tens of
# kilobytes; Python keeps about 500 bytes in memory per member it lists.
MAX_MEMBERS = 10_000
MAX_DIRECTORY_BYTES = 1024 * 1024
# Inflated, a genuine document of 20 Mo stays far below this; images do not
# compress, text about ten times.
MAX_INFLATED_BYTES = 250 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECKED_FROM = 10 * 1024 * 1024  # small archives may compress well, harmlessly
# What office suites write. Python inflates bzip2 and LZMA members without a bound
# on the output (a few bytes read can become gigabytes), whatever size is declared.
OFFICE_COMPRESSIONS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}

NOT_A_DOCUMENT = "Seuls les documents PDF, ODT et DOCX sont acceptés."
RESAVE = (
    " Un document ODT ou DOCX ordinaire n'est pas construit ainsi : enregistrez-le de "
    "nouveau depuis votre traitement de texte, puis joignez-le."
)


def _refuse(message: str, **params) -> ValidationError:
    return ValidationError((message + RESAVE) % params, code="archive")


def _check_directory(uploaded) -> None:
    """Refuses a directory too large to list, before ``zipfile`` lists it."""
    # The end record ZipFile reads first: where the directory is and how big.
    end = zipfile._EndRecData(uploaded)
    if end is None:
        raise ValidationError(NOT_A_DOCUMENT, code="format")
    members, size = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]
    if members > MAX_MEMBERS or size > MAX_DIRECTORY_BYTES:
        raise _refuse(
            "Ce document contient %(count)s fichiers internes : bien trop pour un document.",
            count=f"{members:,}".replace(",", " "),
        )


def _check_members(archive: zipfile.ZipFile) -> None:
    """Refuses what would inflate to an absurd size, from the sizes it declares
    (``zipfile`` inflates a stored or deflated member no further than declared)."""
    members = archive.infolist()
    if any(member.compress_type not in OFFICE_COMPRESSIONS for member in members):
        raise _refuse(
            "Ce document est compressé d'une façon qu'aucun traitement de texte n'emploie."
        )
    inflated = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    absurd_ratio = inflated > RATIO_CHECKED_FROM and inflated > MAX_RATIO * max(packed, 1)
    if inflated > MAX_INFLATED_BYTES or absurd_ratio:
        raise _refuse(
            "Une fois décompressé, ce document occuperait %(inflated)s pour %(packed)s "
            "envoyés : c'est une archive anormale, peut-être malveillante.",
            inflated=filesizeformat(inflated),
            packed=filesizeformat(packed),
        )


def _archive_format(uploaded) -> str | None:
    _check_directory(uploaded)
    uploaded.seek(0)
    with zipfile.ZipFile(uploaded) as archive:
        _check_members(archive)
        names = set(archive.namelist())
        if "mimetype" in names:
            with archive.open("mimetype") as member:
                if member.read(MIMETYPE_READ_BYTES).strip() == ODT_MIMETYPE:
                    return "odt"
        if "word/document.xml" in names:
            return "docx"
    return None


def detected_format(uploaded) -> str | None:
    """ "pdf", "odt", "docx" or None, from the file's bytes.

    Raises ``ValidationError`` for an archive too large to inspect safely.
    """
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        return _archive_format(uploaded)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, RuntimeError):
        # Damaged, or encrypted (RuntimeError): not a document anyone can open.
        return None
    finally:
        uploaded.seek(0)


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
        raise ValidationError(NOT_A_DOCUMENT)
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
