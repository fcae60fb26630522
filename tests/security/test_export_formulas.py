"""Attack: formula injection through the exports (OWASP « CSV Injection »). A sign-up
named ``=HYPERLINK("https://…","Cliquez")`` came out of the representatives' CSV as
that formula, which runs in the spreadsheet of the staff member who opens it; so did
any cell starting with ``+``, ``-``, ``@``, a tab or a carriage return, in every
export: the representatives' (CSV and XLSX), the results of a vote, and Wagtail's own
reports (site history, aging pages), which quote names and titles visitors wrote.
Now every such cell comes out prefixed with a single quote, read back with ``csv``
and with openpyxl."""

import csv
import io

import openpyxl
import pytest
from wagtail.log_actions import log
from wagtail.models import Page

from tests.collectivites.factories import RepresentativeFactory, UserFactory
from tests.factories import ContentPageFactory
from tests.votes.factories import CampaignFactory, CandidateFactory
from votes.services import ballot_cast

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("https://attaquant.example/x","Cliquez")'
PAYLOADS = [
    LINK,
    '+HYPERLINK("https://attaquant.example/x")',
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="admin@anct.gouv.fr", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def payloads_everywhere(home):
    """The payloads as representatives' names and posts (logged, as staff actions
    are), as the titles of a vote's themes and of pages."""
    for number, payload in enumerate(PAYLOADS):
        representative = RepresentativeFactory(full_name=payload, position=payload)
        log(representative, "collectivites.approve")
        page = ContentPageFactory(parent=home, title=payload, slug=f"formule-{number}")
        page.save_revision().publish()
    campaign = CampaignFactory()
    for payload in PAYLOADS:
        CandidateFactory(campaign=campaign, title=payload)
    voter = RepresentativeFactory()
    ballot_cast(representative=voter, campaign=campaign, candidates=[campaign.candidates.first()])
    return campaign


def csv_cells(response) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    return [cell for row in rows for cell in row]


def xlsx_cells(response) -> list:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def assert_inert(texts: list[str], *, expected: int) -> None:
    """Every cell holding a payload holds it behind a quote, and no cell starts a formula."""
    # XML (XLSX) reads a carriage return back as a line feed.
    payloads = [payload.replace("\r", "\n") for payload in PAYLOADS]
    quoted = [text for text in texts if text.replace("\r", "\n").startswith(tuple(payloads), 1)]
    assert len(quoted) >= expected, texts
    assert all(text.startswith("'") for text in quoted)
    dangerous = [text for text in texts if text[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    assert all(not text.lstrip().startswith(("=", "+", "-", "@")) for text in texts)


ADMIN_EXPORTS = [
    # (listing, cells holding a payload at least)
    ("/admin/representants/?comptes=tous", 2 * len(PAYLOADS)),
    ("/admin/representants/", 2 * len(PAYLOADS)),
    ("/admin/reports/site-history/", len(PAYLOADS)),
    ("/admin/reports/aging-pages/", len(PAYLOADS)),
]


@pytest.mark.parametrize(("listing", "expected"), ADMIN_EXPORTS)
def test_admin_csv_exports_are_inert(admin_client, payloads_everywhere, listing, expected):
    separator = "&" if "?" in listing else "?"
    response = admin_client.get(f"{listing}{separator}export=csv")

    assert response.status_code == 200
    assert_inert(csv_cells(response), expected=expected)


@pytest.mark.parametrize(("listing", "expected"), ADMIN_EXPORTS)
def test_admin_xlsx_exports_are_inert(admin_client, payloads_everywhere, listing, expected):
    separator = "&" if "?" in listing else "?"
    response = admin_client.get(f"{listing}{separator}export=xlsx")

    assert response.status_code == 200
    cells = xlsx_cells(response)
    assert all(cell.data_type != "f" for cell in cells)
    assert_inert([cell.value for cell in cells if isinstance(cell.value, str)], expected=expected)


def test_the_results_csv_is_inert(client, payloads_everywhere):
    response = client.get(f"/votes/{payloads_everywhere.slug}/resultats.csv")

    assert response.status_code == 200
    assert_inert(csv_cells(response), expected=len(PAYLOADS))


def test_a_quoted_cell_keeps_its_text_whole(client, payloads_everywhere):
    """Quotes and separators inside a cell stay inside it (every cell is quoted)."""
    response = client.get(f"/votes/{payloads_everywhere.slug}/resultats.csv")

    assert "'" + LINK in csv_cells(response)
    assert b'"\'=HYPERLINK(""https://attaquant.example/x"",""Cliquez"")"' in response.content


def test_no_page_title_was_harmed(payloads_everywhere):
    """Neutralising happens in the export only: the data keeps what was typed."""
    assert Page.objects.filter(title=LINK).exists()
