"""The results of a campaign: its tally, participation and breakdowns.

Live results are computed by a handful of grouped queries whose number does not
depend on the number of ballots. Closed campaigns read the snapshot taken when
they closed (``Campaign.frozen_results``).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from collectivites.models import Collectivite
from core.geography import REGIONS
from core.text import fold_accents
from votes.models import Ballot, BallotChoice, Campaign, counted_ballots_q

from .representativeness import (
    Representativeness,
    representativeness_as_dict,
    representativeness_compute,
    representativeness_from_dict,
)
from .tallies import Tally, share_of, tally_list_frozen, tally_list_live


@dataclass(frozen=True)
class Breakdown:
    key: str
    label: str
    count: int
    share: float


@dataclass
class CampaignResults:
    campaign: Campaign
    tallies: list[Tally]
    participants: int
    by_kind: list[Breakdown]
    by_region: list[Breakdown]
    # candidate id -> names of the collectivités that chose it (public campaigns only)
    collectivites_by_theme: dict[int, list[str]] | None = None
    representativeness: Representativeness = field(default_factory=Representativeness)
    frozen_at: datetime.datetime | None = None
    computed_at: datetime.datetime = field(default_factory=timezone.now)

    @property
    def total_votes(self) -> int:
        return sum(tally.votes for tally in self.tallies)

    @property
    def themes_with_collectivites(self) -> list[tuple[Tally, list[str]]]:
        """Each theme with the collectivités that chose it (public campaigns only)."""
        if self.collectivites_by_theme is None:
            return []
        return [(t, self.collectivites_by_theme.get(t.candidate_id, [])) for t in self.tallies]

    @property
    def themes_with_coverage(self) -> list[tuple[Tally, int, float]]:
        """Each theme with the population its voters cover and its share of France's."""
        by_theme = self.representativeness.by_theme
        return [
            (t, by_theme[t.candidate_id].population, by_theme[t.candidate_id].share)
            if t.candidate_id in by_theme
            else (t, 0, 0.0)
            for t in self.tallies
        ]

    @property
    def leaders(self) -> list[Tally]:
        """The theme(s) at the top; more than one is a tie."""
        if not self.tallies or self.tallies[0].votes == 0:
            return []
        top = self.tallies[0].votes
        return [tally for tally in self.tallies if tally.votes == top]


# Overseas collectivités outside the régions (their own « région » code in the list).
OVERSEAS_COLLECTIVITES = {
    "975": "Saint-Pierre-et-Miquelon",
    "977": "Saint-Barthélemy",
    "978": "Saint-Martin",
    "984": "Terres australes et antarctiques françaises",
    "986": "Wallis-et-Futuna",
    "987": "Polynésie française",
    "988": "Nouvelle-Calédonie",
    "989": "Île de Clipperton",
}
REGION_LABELS = {**REGIONS, **OVERSEAS_COLLECTIVITES}


def _breakdown(rows, key: str, labels: dict, participants: int) -> list[Breakdown]:
    """Counts by label (unknown codes together under « Non renseigné »), largest first."""
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        code = row[key] or ""
        label = str(labels.get(code, "")) or "Non renseigné"
        item = (code if code in labels else "", label)
        counts[item] = counts.get(item, 0) + row["count"]
    items = [
        Breakdown(key=code, label=label, count=count, share=share_of(count, participants))
        for (code, label), count in counts.items()
    ]
    return sorted(items, key=lambda b: (-b.count, fold_accents(b.label)))


def _participation(campaign: Campaign) -> tuple[int, list[dict], list[dict]]:
    """Participants, by type and by région, from one query grouped by both."""
    rows = (
        Ballot.objects.filter(campaign=campaign)
        .filter(counted_ballots_q())
        .values_list("collectivite__kind", "collectivite__region")
        .annotate(count=Count("pk"))
        .order_by()
    )
    by_kind, by_region, participants = {}, {}, 0
    for kind, region, count in rows:
        participants += count
        by_kind[kind] = by_kind.get(kind, 0) + count
        by_region[region] = by_region.get(region, 0) + count
    return (
        participants,
        [{"kind": k, "count": c} for k, c in by_kind.items()],
        [{"region": r, "count": c} for r, c in by_region.items()],
    )


def _collectivites_by_theme(campaign: Campaign) -> dict[int, list[str]]:
    """Candidate id -> the collectivités whose counted ballot chose it, by name."""
    by_theme: dict[int, list[str]] = {}
    names = (
        BallotChoice.objects.filter(ballot__campaign=campaign)
        .filter(counted_ballots_q("ballot__"))
        .values_list(
            "candidate_id", "ballot__collectivite__name", "ballot__collectivite__departement"
        )
    )
    for candidate_id, name, departement in names:
        label = f"{name} ({departement})" if departement else name
        by_theme.setdefault(candidate_id, []).append(label)
    for labels in by_theme.values():
        labels.sort(key=fold_accents)
    return by_theme


def results_compute_live(*, campaign: Campaign) -> CampaignResults:
    """Results computed now from the ballots that count (see ``counted_ballots_q``)."""
    participants, by_kind, by_region = _participation(campaign)
    return CampaignResults(
        campaign=campaign,
        tallies=tally_list_live(campaign=campaign, participants=participants),
        participants=participants,
        by_kind=_breakdown(by_kind, "kind", dict(Collectivite.Kind.choices), participants),
        by_region=_breakdown(by_region, "region", REGION_LABELS, participants),
        collectivites_by_theme=(
            _collectivites_by_theme(campaign) if campaign.choices_public else None
        ),
        representativeness=representativeness_compute(campaign=campaign),
    )


def results_snapshot(*, results: CampaignResults) -> dict:
    """The results as JSON, to be frozen in the campaign when it closes."""
    return {
        "computed_at": results.computed_at.isoformat(),
        "participants": results.participants,
        "tallies": [
            {
                "candidate": t.candidate_id,
                "title": t.title,
                "votes": t.votes,
                "theme_url": t.theme_url,
            }
            for t in results.tallies
        ],
        "by_kind": [{"key": b.key, "label": b.label, "count": b.count} for b in results.by_kind],
        "by_region": [
            {"key": b.key, "label": b.label, "count": b.count} for b in results.by_region
        ],
        "collectivites_by_theme": (
            {str(k): v for k, v in results.collectivites_by_theme.items()}
            if results.collectivites_by_theme is not None
            else None
        ),
        "representativeness": representativeness_as_dict(results.representativeness),
    }


def results_read_frozen(*, campaign: Campaign) -> CampaignResults:
    """The results frozen in the campaign when it closed (see ``results_snapshot``)."""
    data = campaign.frozen_results or {}
    participants = data.get("participants", 0)
    by_theme = data.get("collectivites_by_theme")

    def breakdown(rows):
        return [
            Breakdown(r["key"], r["label"], r["count"], share_of(r["count"], participants))
            for r in rows
        ]

    return CampaignResults(
        campaign=campaign,
        tallies=tally_list_frozen(campaign=campaign, participants=participants),
        participants=participants,
        by_kind=breakdown(data.get("by_kind", [])),
        by_region=breakdown(data.get("by_region", [])),
        collectivites_by_theme=(
            {int(k): v for k, v in by_theme.items()} if by_theme is not None else None
        ),
        # Results frozen before the representativeness was kept: computed from the ballots.
        representativeness=(
            representativeness_from_dict(data["representativeness"])
            if "representativeness" in data
            else representativeness_compute(campaign=campaign)
        ),
        frozen_at=campaign.results_frozen_at,
        computed_at=parse_datetime(data.get("computed_at", "")) or campaign.results_frozen_at,
    )


def results_get(*, campaign: Campaign) -> CampaignResults:
    """The frozen results of a closed campaign, else the live ones."""
    if campaign.results_frozen_at is not None and campaign.frozen_results is not None:
        return results_read_frozen(campaign=campaign)
    return results_compute_live(campaign=campaign)


def results_suggest_winner(*, results: CampaignResults) -> tuple[Tally | None, list[Tally]]:
    """The theme to propose as winner (top of the tally) and the themes tied with it."""
    leaders = results.leaders
    if not leaders:
        return None, []
    return leaders[0], leaders if len(leaders) > 1 else []
