"""The tally of a campaign: each theme on the ballot with its votes, ranked.

Live tallies come from one aggregate query over the choices whatever the number
of ballots; closed campaigns read the snapshot frozen at the closing.
"""

from dataclasses import dataclass

from django.db.models import Count
from wagtail.models import Page

from core.text import fold_accents
from votes.models import Ballot, BallotChoice, Campaign, Candidate, counted_ballots_q


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


def share_of(count: int, total: int) -> float:
    """``count`` in percent of ``total``, to one decimal (0 when nobody took part)."""
    return round(100 * count / total, 1) if total else 0.0


def _page_url(page_id: int | None, url_path: str | None, live: bool | None) -> str:
    if not page_id or not live or not url_path:
        return ""
    return Page(id=page_id, url_path=url_path).url or ""


def tally_rank(*, tallies: list[Tally]) -> list[Tally]:
    """Votes descending, then title; equal votes share a rank (« 2e ex æquo »)."""
    ordered = sorted(tallies, key=lambda t: (-t.votes, fold_accents(t.title), t.candidate_id))
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


def tally_list_live(*, campaign: Campaign, participants: int) -> list[Tally]:
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
                share=share_of(count, participants),
                url=theme_url or results_url,
                theme_url=theme_url,
            )
        )
    return tally_rank(tallies=tallies)


def tally_list_frozen(*, campaign: Campaign, participants: int) -> list[Tally]:
    """The tally frozen in the campaign when it closed."""
    results_url = campaign.get_absolute_url()
    tallies = [
        Tally(
            candidate_id=row["candidate"],
            title=row["title"],
            votes=row["votes"],
            share=share_of(row["votes"], participants),
            url=row.get("theme_url") or results_url,
            theme_url=row.get("theme_url") or "",
        )
        for row in (campaign.frozen_results or {}).get("tallies", [])
    ]
    return tally_rank(tallies=tallies)


def tally_list(*, campaign: Campaign) -> list[Tally]:
    """Themes with ``.title``, ``.votes``, ``.url`` and ``.share`` (percent), by votes
    descending then title: frozen for a closed campaign, live otherwise."""
    if campaign.results_frozen_at is not None and campaign.frozen_results is not None:
        participants = campaign.frozen_results.get("participants", 0)
        return tally_list_frozen(campaign=campaign, participants=participants)
    participants = Ballot.objects.filter(campaign=campaign).filter(counted_ballots_q()).count()
    return tally_list_live(campaign=campaign, participants=participants)


def tally_chart_rows(*, tallies: list[Tally]) -> list[dict]:
    """Each tally with the width of its bar, in percent of the leader's votes."""
    top = max((t.votes for t in tallies), default=0)
    return [{"tally": t, "width": round(100 * t.votes / top) if top else 0} for t in tallies]
