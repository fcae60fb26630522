"""Demo content of the votes, from the real newsletters.

- A closed campaign whose tally is the one the December 2021 newsletter printed
  (Aménagement des territoires 172, Droit à la mobilité 136, Précarité alimentaire
  131, Isolement des seniors 125, Retour à l'emploi 113): 677 real ballots of real
  collectivités from the imported reference list — the 677 most populous, each
  with one demo representative, themes spread by a hash of their code so that
  every région and type votes for every theme. Its results are frozen and its
  winner is a projet partagé with three parties prenantes and two observatrices.
- An open campaign on the ANCT themes of the newsletters, with a few ballots cast
  through the voting service and one proposal awaiting moderation.

Without the collectivités (an empty reference list, as in some unit tests) the
closed campaign is not created and the open one has no ballot; running the
loader again once the list is imported completes it. Running it twice changes
nothing.
"""

import datetime
import hashlib
import logging
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import F
from django.utils import timezone

from collectivites.models import Collectivite, Representative
from core.demo_tools import ensure_page
from themes.models import ThemePage

from .models import (
    Ballot,
    Campaign,
    Candidate,
    ProjectRegistration,
    SharedProjectIndexPage,
    VoteIndexPage,
)
from .services import ballot_cast, campaign_freeze, shared_project_create

logger = logging.getLogger(__name__)
PARIS = zoneinfo.ZoneInfo("Europe/Paris")

SEED_TALLY = [
    (
        "Aménagement des territoires",
        "Revitaliser les centres-bourgs, partager l'espace public, concilier habitat, "
        "activités et nature : associer les habitants aux choix d'aménagement.",
        "",
        172,
    ),
    (
        "Droit à la mobilité",
        "Se déplacer pour travailler, se soigner ou se former, partout et pour tous : "
        "des solutions de mobilité inclusive construites avec les habitants.",
        "",
        136,
    ),
    (
        "Précarité alimentaire",
        "Garantir à chacun l'accès à une alimentation de qualité : épiceries solidaires, "
        "cantines, circuits courts et gouvernance alimentaire locale.",
        "",
        131,
    ),
    (
        "Isolement des seniors",
        "Rompre l'isolement des personnes âgées : visites, lieux de rencontre, "
        "solidarités de voisinage et liens entre générations.",
        "",
        125,
    ),
    (
        "Retour à l'emploi",
        "L'insertion des personnes éloignées du marché du travail, là où se croisent "
        "développement territorial et solidarité.",
        "retour-a-l-emploi",
        113,
    ),
]
CLOSED_BALLOTS = sum(votes for *_rest, votes in SEED_TALLY)  # 677

CLOSED_CAMPAIGN = dict(
    slug="priorites-d-action-2021",
    title="Priorités d'action des territoires 2021-2022",
    description=(
        "L'ANCT propose d'accompagner les collectivités territoriales autour de thématiques "
        "de politiques publiques jugées prioritaires pour les territoires. Les collectivités "
        "ont voté selon leurs enjeux ; le thème le plus populaire est devenu un projet partagé."
    ),
    opens_at=datetime.datetime(2021, 11, 2, 9, 0, tzinfo=PARIS),
    closes_at=datetime.datetime(2022, 1, 31, 18, 0, tzinfo=PARIS),
    max_choices=1,
    choices_public=True,
    is_published=True,
)

OPEN_THEMES = [
    (
        "Droit à la mobilité",
        "Des solutions de mobilité inclusive, pensées avec celles et ceux qui en ont besoin.",
        "",
    ),
    (
        "Précarité alimentaire",
        "L'accès de tous à une alimentation de qualité, avec les acteurs locaux.",
        "",
    ),
    (
        "Isolement des seniors",
        "Des liens de proximité et entre générations pour rompre l'isolement des aînés.",
        "",
    ),
    (
        "Retour à l'emploi",
        "L'insertion des personnes éloignées du marché du travail.",
        "retour-a-l-emploi",
    ),
    (
        "Petite enfance",
        "L'accueil des jeunes enfants et l'accompagnement des parents au plus près de chez eux.",
        "petite-enfance",
    ),
]
OPEN_CAMPAIGN_SLUG = "prochain-projet-partage"
OPEN_BALLOTS = [0, 1, 0, 3, 2, 4, 0, 1, 3]  # index of the theme chosen by each voter

FIRST_NAMES = ["Camille", "Dominique", "Claude", "Alix", "Sacha", "Morgane", "Yannick", "Élise"]
LAST_NAMES = ["Martin", "Bernard", "Moreau", "Laurent", "Lefebvre", "Garnier", "Roux", "Faure"]


def _demo_name(index: int) -> str:
    return f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {LAST_NAMES[(index // 8) % len(LAST_NAMES)]}"


def _most_populous(count: int) -> list[Collectivite]:
    """The ``count`` most populous current collectivités, always in the same order."""
    return list(
        Collectivite.objects.filter(is_current=True).order_by(
            F("population").desc(nulls_last=True), "kind", "code"
        )[:count]
    )


def _representatives_by_email(emails) -> dict[str, Representative]:
    representatives = Representative.objects.filter(email__in=emails).select_related("collectivite")
    return {rep.email: rep for rep in representatives}


def _demo_representatives(collectivites: list[Collectivite], since) -> dict[int, Representative]:
    """One validated demo representative per collectivité, created once."""
    emails = {
        c.pk: f"demo.vote.{c.kind}.{c.code}@example.org".lower().replace(" ", "")
        for c in collectivites
    }
    existing = _representatives_by_email(emails.values())
    missing = [c for c in collectivites if emails[c.pk] not in existing]
    if missing:
        User = get_user_model()
        users = User.objects.bulk_create(
            [
                User(username=emails[c.pk], email=emails[c.pk], password=make_password(None))
                for c in missing
            ]
        )
        if any(user.pk is None for user in users):  # backends that do not return ids
            users = list(User.objects.filter(username__in=[emails[c.pk] for c in missing]))
        by_email = {user.email: user for user in users}
        Representative.objects.bulk_create(
            [
                Representative(
                    user=by_email[emails[c.pk]],
                    collectivite=c,
                    full_name=_demo_name(index),
                    role=Representative.Role.AGENT if index % 3 else Representative.Role.ELU,
                    email=emails[c.pk],
                    status=Representative.Status.ACTIVE,
                    email_confirmed_at=since,
                    approved_at=since,
                )
                for index, c in enumerate(missing)
            ]
        )
        existing = _representatives_by_email(emails.values())
    return {c.pk: existing[emails[c.pk]] for c in collectivites}


def _theme_pages() -> dict[str, ThemePage]:
    return {page.slug: page for page in ThemePage.objects.all()}


def _add_candidates(campaign: Campaign, themes) -> list[Candidate]:
    pages = _theme_pages()
    candidates = []
    for order, (title, description, theme_slug, *_votes) in enumerate(themes, start=1):
        candidate, _created = Candidate.objects.get_or_create(
            campaign=campaign,
            title=title,
            defaults={
                "description": description,
                "theme_page": pages.get(theme_slug) if theme_slug else None,
                "sort_order": order,
                "created_at": campaign.opens_at,
            },
        )
        candidates.append(candidate)
    return candidates


def _spread_by_code(collectivites: list[Collectivite]) -> list[Collectivite]:
    """A fixed shuffle, so that each theme gets voters of every size and région."""
    return sorted(
        collectivites, key=lambda c: hashlib.sha256(f"{c.kind}:{c.code}".encode()).hexdigest()
    )


def load_closed_campaign() -> Campaign | None:
    existing = Campaign.objects.filter(slug=CLOSED_CAMPAIGN["slug"]).first()
    if existing is not None:
        return existing
    voters = _most_populous(CLOSED_BALLOTS)
    if len(voters) < CLOSED_BALLOTS:
        logger.info(
            "Closed demo campaign skipped: %s collectivités imported, %s needed",
            len(voters),
            CLOSED_BALLOTS,
        )
        return None
    campaign = Campaign.objects.create(**CLOSED_CAMPAIGN)
    candidates = _add_candidates(campaign, SEED_TALLY)
    representatives = _demo_representatives(voters, since=campaign.opens_at)
    # Through the voting service, each at its moment in the voting window.
    window = campaign.closes_at - campaign.opens_at
    shuffled, cast = iter(_spread_by_code(voters)), 0
    for candidate, (*_text, votes) in zip(candidates, SEED_TALLY, strict=True):
        for _vote in range(votes):
            cast += 1
            ballot_cast(
                representative=representatives[next(shuffled).pk],
                campaign=campaign,
                candidates=[candidate],
                now=campaign.opens_at + window * cast / (CLOSED_BALLOTS + 2),
            )
    return campaign_freeze(campaign=campaign, now=campaign.closes_at)


def load_shared_project(campaign: Campaign) -> None:
    """The winner of the closed campaign as a projet partagé, with a few participants."""
    if campaign.shared_project_id is not None:
        return
    winner = Candidate.objects.get(campaign=campaign, title=SEED_TALLY[0][0])
    page = shared_project_create(campaign=campaign, winner=winner, capacity=5)
    voters = list(
        Ballot.objects.filter(campaign=campaign, candidates=winner)
        .select_related("voter", "collectivite")
        .order_by("collectivite__name")[:5]
    )
    for index, ballot in enumerate(voters):
        stakeholder = index < 3
        ProjectRegistration.objects.get_or_create(
            project=page,
            collectivite=ballot.collectivite,
            defaults={
                "role": "stakeholder" if stakeholder else "observer",
                "slot": index + 1 if stakeholder else None,
                "registered_by": ballot.voter,
                "registered_by_name": ballot.voter_name,
                "contact_email": ballot.voter.email if ballot.voter else "",
                "created_at": campaign.closes_at + datetime.timedelta(days=7 + index),
            },
        )


def _open_dates(now: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    today = timezone.localtime(now, PARIS).replace(hour=9, minute=0, second=0, microsecond=0)
    return today - datetime.timedelta(days=14), today + datetime.timedelta(days=60, hours=9)


def load_open_campaign() -> Campaign:
    campaign = Campaign.objects.filter(slug=OPEN_CAMPAIGN_SLUG).first()
    if campaign is None:
        opens_at, closes_at = _open_dates(timezone.now())
        campaign = Campaign.objects.create(
            slug=OPEN_CAMPAIGN_SLUG,
            title="Le prochain projet partagé",
            description=(
                "C'est vous qui décidez ! L'ANCT propose d'accompagner les collectivités "
                "territoriales autour de thématiques de politiques publiques jugées "
                "prioritaires pour les territoires. Votez selon vos enjeux, ou proposez un "
                "autre thème : le plus populaire fera l'objet d'un projet partagé."
            ),
            opens_at=opens_at,
            closes_at=closes_at,
            max_choices=1,
            choices_public=False,
            is_published=True,
        )
        _add_candidates(campaign, OPEN_THEMES)
    if campaign.is_open() and not campaign.ballots.exists():
        # A mix of régions, départements, EPCI and communes among the largest.
        voters = _spread_by_code(_most_populous(80))[: len(OPEN_BALLOTS) + 1]
        representatives = _demo_representatives(voters, since=campaign.opens_at)
        candidates = list(campaign.candidates.on_ballot().order_by("sort_order", "pk"))
        for collectivite, choice in zip(voters, OPEN_BALLOTS, strict=False):
            ballot_cast(
                representative=representatives[collectivite.pk],
                campaign=campaign,
                candidates=[candidates[choice % len(candidates)]],
            )
        if len(voters) > len(OPEN_BALLOTS):
            proposer = representatives[voters[-1].pk]
            Candidate.objects.get_or_create(
                campaign=campaign,
                title="Accès aux soins",
                defaults={
                    "description": (
                        "Les déserts médicaux pèsent sur notre territoire : nous souhaitons "
                        "travailler avec les habitants et les professionnels de santé."
                    ),
                    "status": Candidate.Status.PROPOSED,
                    "proposer_collectivite": proposer.collectivite,
                    "proposed_by": proposer,
                    "proposer_name": proposer.full_name,
                    "proposer_email": proposer.email,
                },
            )
    return campaign


def load(*, home) -> None:
    ensure_page(
        home,
        VoteIndexPage,
        slug="votes",
        title="Votes",
        show_in_menus=True,
        search_description="Votez pour les thématiques des projets partagés proposés par l'ANCT.",
        intro=(
            "<p><b>C'est vous qui décidez !</b> L'ANCT accompagne les collectivités sur des "
            "politiques publiques qu'elles jugent prioritaires. Chaque collectivité vote selon "
            "ses enjeux ; le thème le plus populaire devient un projet partagé, que trois à "
            "cinq collectivités rejoignent comme parties prenantes et d'autres comme "
            "observatrices.</p>"
        ),
    )
    ensure_page(
        home,
        SharedProjectIndexPage,
        slug="projets-partages",
        title="Projets partagés",
        show_in_menus=False,
        search_description="Les projets partagés de l'ANCT, choisis par le vote des collectivités.",
        intro=(
            "<p>Un projet partagé naît du vote des collectivités : l'ANCT accompagne trois à "
            "cinq parties prenantes sur le thème choisi, et d'autres collectivités suivent les "
            "travaux comme observatrices.</p>"
        ),
    )
    closed = load_closed_campaign()
    if closed is not None:
        load_shared_project(closed)
    load_open_campaign()
