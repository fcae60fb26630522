"""The report of the automated RGAA checks, and the statement filled from it."""

import datetime
import io
import json
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command

from core.rgaa_report import check_file, rgaa_report_read, statement_fields

PAGES = {"accueil": "/", "agenda": "/agenda/"}


def _checked(folder, **findings):
    check_file(folder=folder, name="validateur-html", pages=PAGES, findings=findings)
    check_file(
        folder=folder, name="focus-visible", pages={"contribuer": "/contribuer/"}, findings={}
    )


def test_each_check_is_kept_with_its_date_pages_and_findings(tmp_path):
    _checked(tmp_path, agenda=["ligne 3 : Stray end tag “div”."])
    summary = json.loads((tmp_path / "rapport.json").read_text())
    assert summary["date"] == datetime.date.today().isoformat()
    assert summary["pages"] == {**PAGES, "contribuer": "/contribuer/"}
    checks = {check["nom"]: check for check in summary["verifications"]}
    assert checks["validateur-html"]["criteres"] == "8.2"
    assert checks["validateur-html"]["constats"] == {"agenda": ["ligne 3 : Stray end tag “div”."]}
    assert checks["focus-visible"]["constats"] == {}
    markdown = (tmp_path / "rapport.md").read_text()
    assert "| validité du code HTML (Nu HTML checker) | 8.2 |" in markdown
    assert "- agenda — /agenda/" in markdown


def test_the_statement_fields_cite_the_checks(tmp_path):
    _checked(tmp_path)
    fields = statement_fields(rgaa_report_read(folder=tmp_path))
    assert fields["evaluated_on"] == datetime.date.today()
    assert "validité du code HTML (Nu HTML checker) (8.2)" in fields["evaluation_method"]
    assert "sur 3 pages" in fields["evaluation_method"]
    assert set(fields["audited_pages"].splitlines()) == {
        "Accueil — /",
        "Agenda — /agenda/",
        "Contribuer — /contribuer/",
    }
    assert "n'en relèvent aucune sur les 3 pages évaluées" in fields["non_conformities"]
    assert "Nu HTML checker" in fields["tools"]


def test_findings_become_the_statements_non_conformities(tmp_path):
    _checked(tmp_path, agenda=["ligne 3 : <b> mal fermé"])
    html = statement_fields(rgaa_report_read(folder=tmp_path))["non_conformities"]
    assert "<li>validité du code HTML (Nu HTML checker) (8.2), agenda : ligne 3 : &lt;b&gt;" in html


def test_files_of_unknown_or_undated_checks_are_left_out(tmp_path):
    (tmp_path / "focus-visible.json").write_text("{}")
    (tmp_path / "autre.json").write_text('{"date": "2026-01-01"}')
    assert rgaa_report_read(folder=tmp_path) is None


@pytest.mark.django_db
def test_the_command_publishes_the_statement_from_the_report(client, tmp_path):
    _checked(tmp_path)
    call_command("fill_accessibility_statement", dossier=str(tmp_path), stdout=io.StringIO())
    soup = BeautifulSoup(client.get("/accessibilite/").content, "html.parser")
    text = unescape(soup.select_one("main").get_text(" ", strip=True))
    assert "Nu HTML checker" in text
    assert "Contribuer — /contribuer/" in text
    assert "Territoires en Commun est non conforme" in text


@pytest.mark.django_db
def test_the_command_says_when_there_is_no_report(tmp_path):
    with pytest.raises(CommandError, match="Aucun résultat de vérification"):
        call_command("fill_accessibility_statement", dossier=str(tmp_path))
