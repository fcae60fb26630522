"""The results of a campaign as CSV (for French Excel), XLSX and JSON (for reuse).

The CSV is UTF-8 with a byte order mark, ``;``-separated and with decimal commas:
French Excel opens it as it is, with accents and columns right (``core.exports``
writes it, so that no theme's title runs as a formula; the XLSX cells go through
the same ``safe_cell``). Each carries the representativeness of the vote: the
population the voting collectivités cover (``selectors.representativeness``).
"""

import io

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe
from openpyxl import Workbook

from core.exports import csv_response, safe_cell
from core.public_urls import public_url

from . import selectors
from .views.common import results_campaign

CSV_HEADER = [
    "Rang",
    "Thème",
    "Voix",
    "Part des collectivités votantes (%)",
    "Page de la thématique",
    # Added after the first columns, so that who reads by position keeps reading right.
    "Population couverte (habitants)",
    "Part de la population française (%)",
]
COVERAGE_HEADER = [
    "Niveau",
    "Code",
    "Libellé",
    "Collectivités votantes",
    "Population couverte (habitants)",
    "Part de la population du territoire (%)",
]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _french_number(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def results_as_rows(results, *, text: bool = True) -> list[list]:
    """One row per theme; ``text``: French-formatted strings (CSV), else numbers (XLSX)."""

    def number(value, digits=1):
        return _french_number(value, digits) if text else value

    return [
        [
            str(tally.rank) if text else tally.rank,
            tally.title,
            str(tally.votes) if text else tally.votes,
            number(tally.share),
            public_url(tally.theme_url),
            str(population) if text else population,
            number(share, 2),
        ]
        for tally, population, share in results.themes_with_coverage
    ]


def representativeness_as_rows(results, *, text: bool = True) -> list[list]:
    """Overall, by type, by région and by département: collectivités and population."""
    r = results.representativeness

    def row(level, code, label, count, population, share):
        if text:
            return [level, code, label, str(count), str(population), _french_number(share, 2)]
        return [level, code, label, count, population, share]

    return [
        row("Ensemble", "", "France", r.collectivites, r.population, r.share),
        *(row("Type", *_coverage(c)) for c in r.by_kind),
        *(row("Région", *_coverage(c)) for c in r.by_region),
        *(row("Département", *_coverage(c)) for c in r.by_departement),
    ]


def _coverage(coverage) -> tuple:
    return coverage.key, coverage.label, coverage.collectivites, coverage.population, coverage.share


@require_safe
def results_csv(request, slug):
    campaign = results_campaign(slug)
    results = selectors.results_get(campaign=campaign)
    return csv_response(
        [CSV_HEADER, *results_as_rows(results)], filename=f"resultats-{campaign.slug}.csv"
    )


@require_safe
def representativeness_csv(request, slug):
    campaign = results_campaign(slug)
    results = selectors.results_get(campaign=campaign)
    return csv_response(
        [COVERAGE_HEADER, *representativeness_as_rows(results)],
        filename=f"representativite-{campaign.slug}.csv",
    )


@require_safe
def results_xlsx(request, slug):
    """Two sheets: the themes, and the representativeness (with the rule)."""
    campaign = results_campaign(slug)
    results = selectors.results_get(campaign=campaign)
    workbook = Workbook()
    themes = workbook.active
    themes.title = "Résultats"
    coverage = workbook.create_sheet("Représentativité")
    for sheet, rows in (
        (themes, [CSV_HEADER, *results_as_rows(results, text=False)]),
        (coverage, [COVERAGE_HEADER, *representativeness_as_rows(results, text=False)]),
    ):
        for values in rows:
            sheet.append([safe_cell(value) for value in values])
    coverage.append([])
    coverage.append([safe_cell(f"Règle de calcul : {results.representativeness.rule}")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="resultats-{campaign.slug}.xlsx"'
    return response


def _coverage_json(rows) -> list[dict]:
    return [
        {
            "code": c.key,
            "libelle": c.label,
            "collectivites": c.collectivites,
            "population": c.population,
            "part_population": c.share,
        }
        for c in rows
    ]


def representativeness_as_json(results) -> dict:
    r = results.representativeness
    return {
        "regle": r.rule,
        "collectivites": r.collectivites,
        "population_couverte": r.population,
        "part_population_francaise": r.share,
        "par_type": _coverage_json(r.by_kind),
        "par_region": _coverage_json(r.by_region),
        "par_departement": _coverage_json(r.by_departement),
    }


def results_as_json(campaign, results) -> dict:
    by_theme = results.collectivites_by_theme
    return {
        "campagne": {
            "titre": campaign.title,
            "slug": campaign.slug,
            "question": campaign.question,
            "url": public_url(campaign.get_absolute_url()),
            "statut": campaign.status,
            "ouverture": campaign.opens_at.isoformat(),
            "cloture": campaign.closing_time.isoformat(),
            "themes_par_bulletin": campaign.max_choices,
            "resultats_figes_le": (
                results.frozen_at.isoformat() if results.frozen_at is not None else None
            ),
        },
        "collectivites_votantes": results.participants,
        "voix": results.total_votes,
        "resultats": [
            {
                "rang": tally.rank,
                "theme": tally.title,
                "voix": tally.votes,
                "part": tally.share,
                "population_couverte": population,
                "part_population_francaise": population_share,
                "url": public_url(tally.url),
                **(
                    {"collectivites": by_theme.get(tally.candidate_id, [])}
                    if by_theme is not None
                    else {}
                ),
            }
            for tally, population, population_share in results.themes_with_coverage
        ],
        "representativite": representativeness_as_json(results),
        "par_type": [
            {"type": b.key, "libelle": b.label, "collectivites": b.count, "part": b.share}
            for b in results.by_kind
        ],
        "par_region": [
            {"code": b.key, "libelle": b.label, "collectivites": b.count, "part": b.share}
            for b in results.by_region
        ],
    }


@require_safe
def results_json(request, slug):
    campaign = results_campaign(slug)
    results = selectors.results_get(campaign=campaign)
    response = JsonResponse(
        results_as_json(campaign, results),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
