"""Spreadsheets safe to open: every CSV and XLSX the site writes goes through here.

Excel and LibreOffice take a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return for a formula (OWASP, « CSV Injection »). Text a visitor typed — a
representative's name, a proposed theme's title — would then run in the spreadsheet
of the staff member who opens the export (``=HYPERLINK(…)``, DDE payloads). So, as
OWASP advises, such a cell is prefixed with a single quote, and every CSV cell is
quoted (its quotes doubled), so that a separator inside a cell never starts a new
one, whichever separator the spreadsheet expects.

Wagtail's exports (the admin listings' « Télécharger » buttons, its site history and
other reports) are routed here too, by ``protect_wagtail_exports``.
"""

import csv
import io
from collections.abc import Iterable, Iterator

from django.http import HttpResponse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
BOM = "\ufeff"  # French Excel reads UTF-8 (accents) only with it
CSV_OPTIONS = {"delimiter": ";", "quoting": csv.QUOTE_ALL, "lineterminator": "\r\n"}


def safe_cell(value):
    """The value, or for text a spreadsheet would run, the same text made inert.

    Leading spaces are looked through: some spreadsheets trim them before parsing.
    """
    if isinstance(value, str) and (
        value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)
    ):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` for French Excel (« ; ») whose cells are all quoted and inert."""

    def __init__(self, stream):
        self._writer = csv.writer(stream, **CSV_OPTIONS)

    def writerow(self, row: Iterable):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def csv_text(rows: Iterable[Iterable]) -> str:
    """A whole CSV document, byte order mark first."""
    buffer = io.StringIO()
    buffer.write(BOM)
    SafeCsvWriter(buffer).writerows(rows)
    return buffer.getvalue()


def csv_response(rows: Iterable[Iterable], *, filename: str) -> HttpResponse:
    response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class _Line:
    """A file that hands back what is written to it, for streaming line by line."""

    def write(self, text: str) -> bytes:
        return text.encode()


def _stream_csv(self, queryset) -> Iterator[bytes]:
    writer = SafeCsvWriter(_Line())
    yield BOM.encode()
    yield writer.writerow(self.get_heading(queryset, field) for field in self.list_export)
    for item in queryset:
        row = self.to_row_dict(item)
        yield writer.writerow(
            self.preprocess_field_value(field, value, self.FORMAT_CSV)
            for field, value in row.items()
        )


_wagtail_preprocess = SpreadsheetExportMixin.preprocess_field_value


def _preprocess_field_value(self, field, value, export_format):
    return safe_cell(_wagtail_preprocess(self, field, value, export_format))


def protect_wagtail_exports() -> None:
    """Every view that exports through Wagtail's mixin (ours and Wagtail's own
    reports, whose log entries quote what visitors typed) writes inert cells, and
    its CSV the way ours are written. Called once, from ``CoreConfig.ready``."""
    SpreadsheetExportMixin.preprocess_field_value = _preprocess_field_value
    SpreadsheetExportMixin.stream_csv = _stream_csv
