"""Whom the voting collectivités represent: how many inhabitants they cover, by type
of collectivité, by région and by département, for a campaign and for each theme.

The rule (``RULE``): each inhabitant counts once. The population covered is that of
the union of the communes concerned by at least one vote — the commune that voted,
the member communes of an EPCI that voted, every commune of a département or a
région that voted. A commune and its EPCI that both vote thus count the EPCI's
inhabitants once.

A fixed number of queries whatever the number of ballots: the counted ballots with
their collectivité, their choices, the member communes of the EPCI that voted, and
the départements and régions (about 130 rows).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from collectivites.models import Collectivite
from collectivites.reference_data import shipped_epci_members
from core.geography import DEPARTEMENTS
from core.text import fold_accents
from votes.models import Ballot, BallotChoice, Campaign, counted_ballots_q

RULE = (
    "Chaque habitant n'est compté qu'une fois : la population couverte est celle de "
    "l'ensemble des communes concernées par au moins un vote (la commune qui a voté, les "
    "communes membres d'un EPCI qui a voté, toutes les communes d'un département ou d'une "
    "région qui a voté), selon les populations légales de l'INSEE."
)
KIND = Collectivite.Kind


def share_of(count: int, total: int) -> float:
    """``count`` in percent of ``total``, to two decimals: a commune is a small part of
    France, and 0.0 % would read as nobody."""
    return round(100 * count / total, 2) if total else 0.0


@dataclass(frozen=True)
class Coverage:
    """Voting collectivités of a group (a type, a territory, a theme) and whom they cover.

    ``share`` is the covered population's part of the territory's population (of
    France for a type or a theme), in percent."""

    key: str
    label: str
    collectivites: int
    population: int
    share: float


@dataclass
class Representativeness:
    collectivites: int = 0
    population: int = 0
    share: float = 0.0
    by_kind: list[Coverage] = field(default_factory=list)
    by_region: list[Coverage] = field(default_factory=list)
    by_departement: list[Coverage] = field(default_factory=list)
    by_theme: dict[int, Coverage] = field(default_factory=dict)
    rule: str = RULE

    @property
    def map_data(self) -> dict[str, float]:
        """Département code -> share of its population covered (for the map); those
        without a vote are 0, or the map would paint them in its default colour."""
        return {
            **dict.fromkeys(DEPARTEMENTS, 0.0),
            **{row.key: row.share for row in self.by_departement},
        }


@dataclass(frozen=True)
class Voter:
    kind: str
    code: str
    departement: str
    region: str
    population: int


@dataclass
class Territory:
    """The départements and régions: population and names, from the list."""

    departement_population: dict[str, int]
    departement_region: dict[str, str]
    departement_name: dict[str, str]
    region_population: dict[str, int]
    region_name: dict[str, str]

    @property
    def france(self) -> int:
        return sum(self.departement_population.values())


def _territory() -> Territory:
    rows = Collectivite.objects.filter(
        kind__in=[KIND.DEPARTEMENT, KIND.REGION], is_current=True
    ).values_list("kind", "code", "name", "region", "population")
    territory = Territory({}, {}, {}, {}, {})
    for kind, code, name, region, population in rows:
        if kind == KIND.DEPARTEMENT:
            territory.departement_population[code] = population or 0
            territory.departement_region[code] = region
            territory.departement_name[code] = name or DEPARTEMENTS.get(code, ("",))[0]
        else:
            territory.region_population[code] = population or 0
            territory.region_name[code] = name
    return territory


def _member_communes(epci_sirens: set[str]) -> dict[str, list[tuple[str, str, str, int]]]:
    """EPCI SIREN -> its member communes (code, département, région, population)."""
    members = shipped_epci_members()
    codes = {code for siren in epci_sirens for code in members.get(siren, [])}
    if not codes:
        return {}
    communes = {
        row[0]: row
        for row in Collectivite.objects.filter(
            kind=KIND.COMMUNE, is_current=True, code__in=codes
        ).values_list("code", "departement", "region", "population")
    }
    return {
        siren: [communes[c] for c in members.get(siren, []) if c in communes]
        for siren in epci_sirens
    }


def covered_by_departement(voters: list[Voter], members: dict, territory: Territory) -> Counter:
    """Département -> inhabitants covered by ``voters``, each counted once."""
    regions = {v.code for v in voters if v.kind == KIND.REGION}
    departements = {
        v.code
        for v in voters
        if v.kind == KIND.DEPARTEMENT and territory.departement_region.get(v.code) not in regions
    }
    departements |= {d for d, r in territory.departement_region.items() if r in regions}
    communes = {
        v.code: (v.code, v.departement, v.region, v.population)
        for v in voters
        if v.kind == KIND.COMMUNE
    }
    for v in voters:
        if v.kind == KIND.EPCI:
            # Members unknown (an EPCI newer than the shipped list): its own population,
            # in its main département.
            known = members.get(v.code) or [(f"epci:{v.code}", *_place(v))]
            communes.update({m[0]: m for m in known})
    covered = Counter({d: territory.departement_population.get(d, 0) for d in departements})
    for _code, departement, region, population in communes.values():
        if departement not in departements and region not in regions:
            covered[departement] += population or 0
    return covered


def _place(voter: Voter) -> tuple[str, str, int]:
    return voter.departement, voter.region, voter.population


def _voters(campaign: Campaign) -> dict[int, Voter]:
    """Ballot id -> its collectivité, for the ballots that count."""
    rows = (
        Ballot.objects.filter(campaign=campaign)
        .filter(counted_ballots_q())
        .values_list(
            "pk",
            "collectivite__kind",
            "collectivite__code",
            "collectivite__departement",
            "collectivite__region",
            "collectivite__population",
        )
    )
    return {pk: Voter(kind, code, dep, reg, pop or 0) for pk, kind, code, dep, reg, pop in rows}


def _by_kind(voters: list[Voter], france: int) -> list[Coverage]:
    counts, populations = Counter(v.kind for v in voters), Counter()
    for v in voters:
        populations[v.kind] += v.population
    return [
        Coverage(kind, label, counts[kind], populations[kind], share_of(populations[kind], france))
        for kind, label in KIND.choices
        if counts[kind]
    ]


def _by_territory(voters, covered: Counter, territory: Territory):
    """Coverage rows by département and by région, sorted by name."""
    dep_counts = Counter(v.departement for v in voters if v.kind != KIND.REGION)
    reg_counts = Counter(v.region for v in voters)
    reg_covered = Counter()
    for departement, population in covered.items():
        reg_covered[territory.departement_region.get(departement, "")] += population
    by_departement = [
        Coverage(
            code,
            f"{territory.departement_name.get(code, code)} ({code})",
            dep_counts[code],
            covered[code],
            share_of(covered[code], territory.departement_population.get(code, 0)),
        )
        for code in set(dep_counts) | {d for d, p in covered.items() if p}
        if code
    ]
    by_region = [
        Coverage(
            code,
            territory.region_name.get(code, code),
            reg_counts[code],
            reg_covered[code],
            share_of(reg_covered[code], territory.region_population.get(code, 0)),
        )
        for code in set(reg_counts) | {r for r, p in reg_covered.items() if p}
        if code
    ]
    return (
        sorted(by_region, key=lambda c: fold_accents(c.label)),
        sorted(by_departement, key=lambda c: c.key),
    )


def representativeness_compute(*, campaign: Campaign) -> Representativeness:
    """Counts and population covered by the ballots that count, overall and by theme."""
    voters_by_ballot = _voters(campaign)
    voters = list(voters_by_ballot.values())
    if not voters:
        return Representativeness()
    territory = _territory()
    members = _member_communes({v.code for v in voters if v.kind == KIND.EPCI})
    covered = covered_by_departement(voters, members, territory)
    france = territory.france
    by_region, by_departement = _by_territory(voters, covered, territory)
    by_theme = defaultdict(list)
    choices = (
        BallotChoice.objects.filter(ballot__campaign=campaign)
        .filter(counted_ballots_q("ballot__"))
        .values_list("candidate_id", "ballot_id")
    )
    for candidate_id, ballot_id in choices:
        if ballot_id in voters_by_ballot:
            by_theme[candidate_id].append(voters_by_ballot[ballot_id])
    population = sum(covered.values())
    return Representativeness(
        collectivites=len(voters),
        population=population,
        share=share_of(population, france),
        by_kind=_by_kind(voters, france),
        by_region=by_region,
        by_departement=by_departement,
        by_theme={
            candidate_id: _theme_coverage(candidate_id, chosen, members, territory, france)
            for candidate_id, chosen in by_theme.items()
        },
    )


def _theme_coverage(candidate_id, voters, members, territory, france) -> Coverage:
    population = sum(covered_by_departement(voters, members, territory).values())
    return Coverage(str(candidate_id), "", len(voters), population, share_of(population, france))


def representativeness_as_dict(representativeness: Representativeness) -> dict:
    """JSON-ready, to be frozen with the results when the campaign closes."""

    def rows(items):
        return [[c.key, c.label, c.collectivites, c.population, c.share] for c in items]

    return {
        "collectivites": representativeness.collectivites,
        "population": representativeness.population,
        "share": representativeness.share,
        "by_kind": rows(representativeness.by_kind),
        "by_region": rows(representativeness.by_region),
        "by_departement": rows(representativeness.by_departement),
        "by_theme": rows(representativeness.by_theme.values()),
    }


def representativeness_from_dict(data: dict) -> Representativeness:
    def rows(items):
        return [Coverage(*item) for item in items]

    return Representativeness(
        collectivites=data.get("collectivites", 0),
        population=data.get("population", 0),
        share=data.get("share", 0.0),
        by_kind=rows(data.get("by_kind", [])),
        by_region=rows(data.get("by_region", [])),
        by_departement=rows(data.get("by_departement", [])),
        by_theme={int(c.key): c for c in rows(data.get("by_theme", []))},
    )
