"""The results of a campaign as CSV (for French Excel) and JSON (for reuse).

The CSV is UTF-8 with a byte order mark, ``;``-separated and with decimal commas:
French Excel opens it as it is, with accents and columns right (``core.exports``
writes it, so that no theme's title runs as a formula).
"""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from core.exports import csv_response
from core.public_urls import public_url

from . import selectors
from .views.common import results_campaign

CSV_HEADER = [
    "Rang",
    "Thème",
    "Voix",
    "Part des collectivités votantes (%)",
    "Page de la thématique",
]


def _french_number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def results_as_rows(results) -> list[list[str]]:
    return [
        [
            str(tally.rank),
            tally.title,
            str(tally.votes),
            _french_number(tally.share),
            public_url(tally.theme_url),
        ]
        for tally in results.tallies
    ]


@require_safe
def results_csv(request, slug):
    campaign = results_campaign(slug)
    results = selectors.results_get(campaign=campaign)
    return csv_response(
        [CSV_HEADER, *results_as_rows(results)], filename=f"resultats-{campaign.slug}.csv"
    )


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
                "url": public_url(tally.url),
                **(
                    {"collectivites": by_theme.get(tally.candidate_id, [])}
                    if by_theme is not None
                    else {}
                ),
            }
            for tally in results.tallies
        ],
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
