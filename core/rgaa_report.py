"""The report of the project's own RGAA checks (tests/browser/test_rgaa_beyond_axe.py),
kept under var/rgaa/ so that the accessibility statement can cite what was checked,
where, when and with what result.

Each check writes ``<name>.json`` (its pages, date and findings); ``rgaa_report_write``
gathers them in ``rapport.json`` and ``rapport.md``, and ``statement_fields`` turns the
report into the statement's fields (core.services.accessibility_statement_fill)."""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.html import escape

from .dates import date_fr

SUMMARY = "rapport"

# What each check verifies, as the statement names it, and with which tools.
CHECKS = {
    "axe-theme-clair": ("axe-core en thème clair", "critères automatisables des thèmes 1 à 11"),
    "axe-theme-sombre": ("axe-core en thème sombre", "3.2 contrastes en thème sombre"),
    "reflow-espacement-titres": (
        "affichage à 320 pixels, espacement du texte et hiérarchie des titres",
        "10.4, 10.11, 10.12 et 9.1",
    ),
    "focus-visible": ("focus visible au clavier", "10.7"),
    "titres-de-page": ("titres de page uniques et pertinents", "8.6"),
    "validateur-html": ("validité du code HTML (Nu HTML checker)", "8.2"),
    "couleur-graphiques": (
        "information non donnée par la seule couleur dans les graphiques",
        "3.1",
    ),
}
TOOLS = [
    "axe-core (dans Chromium, piloté par Playwright)",
    "Validateur HTML du W3C (Nu HTML checker, vnu.jar)",
    "Vérifications scriptées avec Playwright : défilement horizontal, espacement du texte, "
    "focus visible, titres de page, hiérarchie des titres, graphiques",
]


@dataclass(frozen=True)
class CheckResult:
    name: str
    title: str
    criteria: str
    date: datetime.date
    pages: dict[str, str]
    findings: dict[str, list]

    @property
    def finding_count(self) -> int:
        return sum(len(found) if isinstance(found, list) else 1 for found in self.findings.values())


@dataclass(frozen=True)
class RgaaReport:
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def date(self) -> datetime.date:
        return max(check.date for check in self.checks)

    @property
    def pages(self) -> dict[str, str]:
        pages = {}
        for check in self.checks:
            pages.update(check.pages)
        return pages

    @property
    def finding_count(self) -> int:
        return sum(check.finding_count for check in self.checks)


def check_file(*, folder: Path, name: str, pages: dict[str, str], findings: dict) -> Path:
    """One check's result, dated today, then the summary brought up to date."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    content = {"date": datetime.date.today().isoformat(), "pages": pages, "constats": findings}
    path.write_text(json.dumps(content, ensure_ascii=False, indent=2))
    rgaa_report_write(folder=folder)
    return path


def rgaa_report_read(*, folder: Path) -> RgaaReport | None:
    """The checks' results found in folder (None without any): the files of older
    versions of the checks, without a date, are left out."""
    checks = []
    for path in sorted(Path(folder).glob("*.json")):
        if path.stem == SUMMARY or path.stem not in CHECKS:
            continue
        content = json.loads(path.read_text())
        if not isinstance(content, dict) or "date" not in content:
            continue
        title, criteria = CHECKS[path.stem]
        checks.append(
            CheckResult(
                name=path.stem,
                title=title,
                criteria=criteria,
                date=datetime.date.fromisoformat(content["date"]),
                pages=content.get("pages", {}),
                findings=content.get("constats", {}),
            )
        )
    return RgaaReport(checks=checks) if checks else None


def rgaa_report_write(*, folder: Path) -> RgaaReport | None:
    """rapport.json and rapport.md: every check's date, criteria, pages and findings."""
    report = rgaa_report_read(folder=folder)
    if report is None:
        return None
    summary = {
        "date": report.date.isoformat(),
        "pages": report.pages,
        "verifications": [
            {
                "nom": check.name,
                "verification": check.title,
                "criteres": check.criteria,
                "date": check.date.isoformat(),
                "pages": len(check.pages),
                "constats": check.findings,
            }
            for check in report.checks
        ],
        "outils": TOOLS,
    }
    folder = Path(folder)
    (folder / f"{SUMMARY}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2))
    (folder / f"{SUMMARY}.md").write_text(_markdown(report))
    return report


def _markdown(report: RgaaReport) -> str:
    lines = [
        f"# Vérifications RGAA automatisées du {date_fr(report.date)}",
        "",
        "| Vérification | Critères RGAA | Date | Pages | Constats |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {check.title} | {check.criteria} | {check.date.isoformat()} | {len(check.pages)} "
        f"| {check.finding_count} |"
        for check in report.checks
    ]
    lines += ["", "## Pages évaluées", ""]
    lines += [f"- {name} — {path}" for name, path in report.pages.items()]
    for check in report.checks:
        for page, found in check.findings.items():
            lines += ["", f"## {check.title} — {page}", ""]
            lines += [f"- {item}" for item in (found if isinstance(found, list) else [found])]
    return "\n".join(lines) + "\n"


def statement_fields(report: RgaaReport) -> dict:
    """The accessibility statement's fields that the report proves: date, method, tools,
    pages audited and what the checks found."""
    checks = "; ".join(f"{check.title} ({check.criteria})" for check in report.checks)
    method = (
        "Aucun audit complet n'a encore été réalisé. L'équipe de Territoires en Commun vérifie "
        f"automatiquement chaque version du site sur {len(report.pages)} pages représentant "
        f"chaque type de page public : {checks}. Dernières vérifications le "
        f"{date_fr(report.date)}. Ces vérifications ne couvrent qu'une partie des critères "
        "du RGAA 4.1."
    )
    return {
        "evaluated_on": report.date,
        "evaluation_method": method,
        "tools": "\n".join(TOOLS),
        "audited_pages": "\n".join(
            f"{name[:1].upper()}{name[1:]} — {path}" for name, path in report.pages.items()
        ),
        "non_conformities": _non_conformities(report),
    }


def _non_conformities(report: RgaaReport) -> str:
    if not report.finding_count:
        return (
            "<p>Faute d'audit complet, les non-conformités ne sont pas toutes connues. Les "
            f"vérifications automatisées du {escape(date_fr(report.date))} n'en relèvent "
            f"aucune sur les {len(report.pages)} pages évaluées.</p>"
        )
    items = "".join(
        f"<li>{escape(check.title)} ({escape(check.criteria)}), {escape(page)} : "
        f"{escape('; '.join(map(str, found)) if isinstance(found, list) else str(found))}</li>"
        for check in report.checks
        for page, found in check.findings.items()
    )
    return (
        "<p>Faute d'audit complet, les non-conformités ne sont pas toutes connues. Les "
        f"vérifications automatisées du {escape(date_fr(report.date))} relèvent :</p>"
        f"<ul>{items}</ul>"
    )
