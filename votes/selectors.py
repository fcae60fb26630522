"""Reads of the votes: the open campaign, tallies and results, ballots, winners.

Live results are computed by a handful of grouped queries whose number does not
depend on the number of ballots (the tally itself is one aggregate query). Closed
campaigns read the snapshot taken when they closed (``Campaign.frozen_results``).
"""

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Page

from collectivites.models import Collectivite, Representative
from core.geography import REGIONS

from .models import Ballot, BallotChoice, Campaign, Candidate, SharedProjectIndexPage


def counted_ballots_q(prefix: str = "") -> Q:
    """The ballots that count in live results, seen from ``prefix`` (e.g. ``"ballot__"``):
    the collectivité is current (not merged away) and the last voter has not been
    suspended since (a colleague's new vote counts again). Frozen results keep the
    ballots as they were at the closing.

    Written as two exclusions of short lists (merged collectivités, suspended
    accounts) rather than joins, so that counting 30,000 ballots does not join each
    of them to its collectivité and its voter.
    """
    return ~Q(
        **{
            f"{prefix}collectivite_id__in": Collectivite.objects.filter(is_current=False).values(
                "pk"
            )
        }
    ) & ~Q(
        **{
            f"{prefix}voter_id__in": Representative.objects.filter(
                status=Representative.Status.SUSPENDED
            ).values("pk")
        }
    )


@dataclass(frozen=True)
class Tally:
    """One theme's line of the results."""

    candidate_id: int
    title: str
    votes: int
    share: float  # percentage of the participating collectivités that chose it
    url: str  # its thématique d'inspiration page, else the campaign's results page
    theme_url: str = ""
    rank: int = 0


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
    def leaders(self) -> list[Tally]:
        """The theme(s) at the top; more than one is a tie."""
        if not self.tallies or self.tallies[0].votes == 0:
            return []
        top = self.tallies[0].votes
        return [tally for tally in self.tallies if tally.votes == top]


def _sort_key(text: str) -> str:
    """French-friendly order for titles: accents and case ignored (É sorts with E)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _share(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def _page_url(page_id: int | None, url_path: str | None, live: bool | None) -> str:
    if not page_id or not live or not url_path:
        return ""
    return Page(id=page_id, url_path=url_path).url or ""


# --- Campaigns -------------------------------------------------------------------------


def open_campaign(*, now: datetime.datetime | None = None) -> Campaign | None:
    """The campaign open to votes now (the latest opened if several), or None."""
    return Campaign.objects.open(now).order_by("-opens_at", "-pk").first()


def public_campaign(slug: str) -> Campaign | None:
    """A published campaign by its slug (drafts are not public)."""
    if not isinstance(slug, str) or "\x00" in slug or len(slug) > 80:
        return None
    return Campaign.objects.published().filter(slug=slug).first()


def vote_index_context(*, now: datetime.datetime | None = None) -> dict:
    """What /votes/ lists: open, upcoming and closed campaigns, and the projets partagés."""
    now = now or timezone.now()
    campaigns = list(
        Campaign.objects.published()
        .select_related("shared_project")
        .annotate(participants=Count("ballots", filter=counted_ballots_q("ballots__")))
        .order_by("-opens_at", "-pk")
    )
    by_status = {"open": [], "upcoming": [], "closed": []}
    for campaign in campaigns:
        by_status[campaign.status_at(now)].append(campaign)
    for campaign in by_status["closed"]:
        if campaign.frozen_results:
            campaign.participants = campaign.frozen_results.get("participants", 0)
    return {
        "open_campaigns": by_status["open"],
        "upcoming_campaigns": sorted(by_status["upcoming"], key=lambda c: c.opens_at),
        "closed_campaigns": by_status["closed"],
        "shared_projects_index": SharedProjectIndexPage.objects.live().public().first(),
    }


def ballot_candidates(campaign: Campaign):
    """The themes on the ballot, in the order the ANCT set."""
    return (
        Candidate.objects.on_ballot()
        .filter(campaign=campaign)
        .select_related("theme_page")
        .order_by("sort_order", "title", "pk")
    )


def ballot_of(*, campaign: Campaign, collectivite: Collectivite) -> Ballot | None:
    """The collectivité's ballot in the campaign, with its choices, or None."""
    return (
        Ballot.objects.filter(campaign=campaign, collectivite=collectivite)
        .select_related("voter")
        .prefetch_related("candidates")
        .first()
    )


def proposals_of(*, campaign: Campaign, collectivite: Collectivite):
    return Candidate.objects.filter(campaign=campaign, proposer_collectivite=collectivite).order_by(
        "-created_at"
    )


# --- Results ---------------------------------------------------------------------------


def _live_tallies(campaign: Campaign, participants: int) -> list[Tally]:
    """Every theme on the ballot with its counted votes: the votes come from one
    aggregate query over the choices, the themes from a second, small one."""
    votes = dict(
        BallotChoice.objects.filter(ballot__campaign=campaign)
        .filter(counted_ballots_q("ballot__"))
        .values("candidate_id")
        .annotate(votes=Count("pk"))
        .values_list("candidate_id", "votes")
        .order_by()
    )
    rows = (
        Candidate.objects.on_ballot()
        .filter(campaign=campaign)
        .values("pk", "title", "theme_page_id", "theme_page__url_path", "theme_page__live")
        .order_by()
    )
    results_url = campaign.get_absolute_url()
    tallies = []
    for row in rows:
        count = votes.get(row["pk"], 0)
        theme_url = _page_url(
            row["theme_page_id"], row["theme_page__url_path"], row["theme_page__live"]
        )
        tallies.append(
            Tally(
                candidate_id=row["pk"],
                title=row["title"],
                votes=count,
                share=_share(count, participants),
                url=theme_url or results_url,
                theme_url=theme_url,
            )
        )
    return _ranked(tallies)


def _ranked(tallies: list[Tally]) -> list[Tally]:
    """Votes descending, then title; equal votes share a rank (« 2e ex æquo »)."""
    ordered = sorted(tallies, key=lambda t: (-t.votes, _sort_key(t.title), t.candidate_id))
    ranked, previous_votes, rank = [], None, 0
    for position, tally in enumerate(ordered, start=1):
        if tally.votes != previous_votes:
            rank, previous_votes = position, tally.votes
        ranked.append(
            Tally(
                candidate_id=tally.candidate_id,
                title=tally.title,
                votes=tally.votes,
                share=tally.share,
                url=tally.url,
                theme_url=tally.theme_url,
                rank=rank,
            )
        )
    return ranked


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
        Breakdown(key=code, label=label, count=count, share=_share(count, participants))
        for (code, label), count in counts.items()
    ]
    return sorted(items, key=lambda b: (-b.count, _sort_key(b.label)))


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


def live_results(campaign: Campaign) -> CampaignResults:
    """Results computed now from the ballots that count (see ``counted_ballots_q``)."""
    participants, by_kind, by_region = _participation(campaign)
    collectivites_by_theme = None
    if campaign.choices_public:
        collectivites_by_theme = {}
        names = (
            BallotChoice.objects.filter(ballot__campaign=campaign)
            .filter(counted_ballots_q("ballot__"))
            .values_list(
                "candidate_id", "ballot__collectivite__name", "ballot__collectivite__departement"
            )
        )
        for candidate_id, name, departement in names:
            label = f"{name} ({departement})" if departement else name
            collectivites_by_theme.setdefault(candidate_id, []).append(label)
        for labels in collectivites_by_theme.values():
            labels.sort(key=_sort_key)
    return CampaignResults(
        campaign=campaign,
        tallies=_live_tallies(campaign, participants),
        participants=participants,
        by_kind=_breakdown(by_kind, "kind", dict(Collectivite.Kind.choices), participants),
        by_region=_breakdown(by_region, "region", REGION_LABELS, participants),
        collectivites_by_theme=collectivites_by_theme,
    )


def results_snapshot(results: CampaignResults) -> dict:
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
    }


def frozen_results(campaign: Campaign) -> CampaignResults:
    data = campaign.frozen_results or {}
    participants = data.get("participants", 0)
    results_url = campaign.get_absolute_url()
    tallies = [
        Tally(
            candidate_id=row["candidate"],
            title=row["title"],
            votes=row["votes"],
            share=_share(row["votes"], participants),
            url=row.get("theme_url") or results_url,
            theme_url=row.get("theme_url") or "",
        )
        for row in data.get("tallies", [])
    ]
    by_theme = data.get("collectivites_by_theme")

    def breakdown(rows):
        return [
            Breakdown(r["key"], r["label"], r["count"], _share(r["count"], participants))
            for r in rows
        ]

    return CampaignResults(
        campaign=campaign,
        tallies=_ranked(tallies),
        participants=participants,
        by_kind=breakdown(data.get("by_kind", [])),
        by_region=breakdown(data.get("by_region", [])),
        collectivites_by_theme=(
            {int(k): v for k, v in by_theme.items()} if by_theme is not None else None
        ),
        frozen_at=campaign.results_frozen_at,
        computed_at=parse_datetime(data.get("computed_at", "")) or campaign.results_frozen_at,
    )


def campaign_results(campaign: Campaign) -> CampaignResults:
    """The frozen results of a closed campaign, else the live ones."""
    if campaign.results_frozen_at is not None and campaign.frozen_results is not None:
        return frozen_results(campaign)
    return live_results(campaign)


def tallies(campaign: Campaign) -> list[Tally]:
    """Themes with ``.title``, ``.votes``, ``.url`` and ``.share`` (percent), by votes
    descending then title: frozen for a closed campaign, live otherwise."""
    if campaign.results_frozen_at is not None and campaign.frozen_results is not None:
        return frozen_results(campaign).tallies
    participants = Ballot.objects.filter(campaign=campaign).filter(counted_ballots_q()).count()
    return _live_tallies(campaign, participants)


def chart_rows(tallies: list[Tally]) -> list[dict]:
    """Each tally with the width of its bar, in percent of the leader's votes."""
    top = max((t.votes for t in tallies), default=0)
    return [{"tally": t, "width": round(100 * t.votes / top) if top else 0} for t in tallies]


def home_vote_summary(*, now: datetime.datetime | None = None) -> dict:
    """The open campaign and its live tallies for the home page (cached between votes:
    see ``votes.cache``); ``campaign`` is None while no vote is open."""
    from .cache import cached_home_summary

    now = now or timezone.now()

    def compute() -> dict:
        campaign = open_campaign(now=now)
        if campaign is None:
            return {"campaign": None, "closes_at": None, "tallies": []}
        return {
            "campaign": campaign,
            "closes_at": campaign.closing_time,
            "tallies": tallies(campaign),
        }

    return cached_home_summary(compute, now=now)


def winner_suggestion(results: CampaignResults) -> tuple[Tally | None, list[Tally]]:
    """The theme to propose as winner (top of the tally) and the themes tied with it."""
    leaders = results.leaders
    if not leaders:
        return None, []
    return leaders[0], leaders if len(leaders) > 1 else []


# --- Projets partagés ------------------------------------------------------------------


def project_participants(project) -> dict:
    """Parties prenantes (by place), waiting list (by arrival) and observatrices."""
    from .models import ProjectRegistration

    registrations = list(
        ProjectRegistration.objects.filter(project=project)
        .select_related("collectivite")
        .order_by("created_at", "pk")
    )
    stakeholders = sorted(
        (r for r in registrations if r.role == r.Role.STAKEHOLDER and not r.is_waiting),
        key=lambda r: r.slot,
    )
    return {
        "stakeholders": stakeholders,
        "waiting": [r for r in registrations if r.is_waiting],
        "observers": sorted(
            (r for r in registrations if r.role == r.Role.OBSERVER),
            key=lambda r: _sort_key(r.collectivite.name),
        ),
        "places_left": max(0, project.stakeholder_capacity - len(stakeholders)),
        "registrations": registrations,
    }


def project_page_context(project, request) -> dict:
    from .access import current_representative, login_url
    from .services.errors import representative_refusal

    participants = project_participants(project)
    representative = current_representative(request)
    mine = None
    if representative is not None:
        mine = next(
            (
                r
                for r in participants["registrations"]
                if r.collectivite_id == representative.collectivite_id
            ),
            None,
        )
    from .forms import RegistrationForm

    return {
        **participants,
        "registration_form": RegistrationForm(initial={"role": mine.role} if mine else None),
        "representative": representative,
        "refusal": representative_refusal(representative) if representative else None,
        "my_registration": mine,
        "login_url": login_url(request.get_full_path()),
    }
