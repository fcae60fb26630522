"""What visitors do during the load test: the pages they read and the forms they send.

Pages are found on the running site (the first links of each section), so the mix
follows the site as apps are added. Each form scenario is a small function that
opens the page holding its form, fills it as a person would (the CSRF token comes
with the page and its cookie) and sends it. A scenario whose page or form does not
exist (yet) raises ``FormMissing``: it is left out of the mix, with a note.

To add a form: write ``def my_form(visitor: Visitor, site: Site) -> Page | None`` (the
answer to the POST) with ``site.open`` and ``visitor.post``, and list it in
``FORM_SCENARIOS`` with a weight; ``QUEUES_A_TASK`` names those whose success queues
a Celery task (an e-mail), for the Redis-down test.
"""

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote_plus

from bench.visitor import REDIRECTS, Form, FormMissing, Page, Visitor, fill, submit_button

SEARCH_WORDS = [
    "emploi",
    "participation",
    "budget participatif",
    "concertation habitants",
    "petite enfance",
    "conseils citoyens",
    "mobilité",
    "jeunesse",
    "tiers-lieux",
    "transition écologique",
    "démocratie locale",
    "inclusion numérique",
    "quartiers prioritaires",
    "coopération intercommunale",
    "évaluation",
]

# The sections whose index and first pages visitors read: (index, detail pages).
SECTIONS = {
    "theme page": ("/thematiques/", r"/thematiques/[^/]+/"),
    "resource page": ("/ressources/", r"/ressources/[^/]+/"),
    "event page": ("/agenda/", r"/agenda/[^/]+/"),
    "vote results": ("/votes/", r"/votes/[^/]+/"),
}
DETAIL_PAGES = 5
VOTERS = 30  # representatives' accounts taking turns to vote


@dataclass
class Site:
    """The running site as the load test found it."""

    port: int
    pages: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # the form scenarios found
    # Representatives' accounts for the vote scenario, made on demand (bench.voters).
    make_voters: Callable[[int], list[tuple[str, str]]] | None = None
    voters: "VoterPool | None" = None

    def open(self, visitor: Visitor, path: str, kind: str, action: str = "") -> tuple[Page, Form]:
        """GETs ``path`` and returns it with its POST form to ``action`` (default: itself)."""
        page = visitor.get(path, kind)
        if page is None or page.status != 200:
            status = "no answer" if page is None else f"HTTP {page.status}"
            raise FormMissing(f"{path} does not serve a form ({status})")
        return page, page.form(action or path.split("?")[0])


# --- Pages --------------------------------------------------------------------------


def discover(visitor: Visitor, site: Site) -> None:
    """Fills ``site.pages``: every kind of page the load test reads, the detail pages
    being the first links of each section's index."""
    site.pages["home"] = ["/"]
    site.pages["library"] = ["/ressources/"]
    site.pages["library search"] = [
        f"/ressources/?q={quote_plus(word)}" + ("&page=2" if n % 3 == 2 else "")
        for n, word in enumerate(SEARCH_WORDS)
    ]
    site.pages["site search"] = [f"/recherche/?q={quote_plus(word)}" for word in SEARCH_WORDS]
    for kind, (index, pattern) in SECTIONS.items():
        page = visitor.get(index, "discovery")
        if page is None or page.status != 200:
            status = "no answer" if page is None else f"HTTP {page.status}"
            site.notes.append(f"{kind}: left out, {index} answers {status}")
            continue
        site.pages[f"index {index}"] = [index]
        details = [path for path in page.links(pattern) if path != index][:DETAIL_PAGES]
        if details:
            site.pages[kind] = details
        else:
            site.notes.append(f"{kind}: left out, no link matching {pattern} on {index}")


def read_page(kind: str) -> Callable[[Visitor, Site, float], None]:
    def read(visitor: Visitor, site: Site, due: float) -> None:
        visitor.get(visitor.rng.choice(site.pages[kind]), f"GET {kind}", since=due)

    return read


# --- Forms --------------------------------------------------------------------------


def newsletter_signup(visitor: Visitor, site: Site) -> Page | None:
    """Subscribe to the newsletter from its page; the confirmation e-mail is a task."""
    _page, form = site.open(visitor, "/newsletter/inscription/", "newsletter: form page")
    return visitor.post(form, fill(form, visitor.rng, {}, skip=set()), "newsletter: sign up")


def contribution(visitor: Visitor, site: Site) -> Page | None:
    """Propose a resource, an event or a project (no file attached)."""
    page = visitor.get("/contribuer/", "contribution: choose")
    kinds = [] if page is None else page.links(r"/contribuer/(?!envoyee|confirmer|suivi)[a-z-]+/")
    if not kinds:
        raise FormMissing("no contribution form linked from /contribuer/")
    _page, form = site.open(visitor, visitor.rng.choice(kinds), "contribution: form page")
    return visitor.post(form, fill(form, visitor.rng, {}, skip={"document"}), "contribution: send")


def need_request(visitor: Visitor, site: Site) -> Page | None:
    """« Préciser mon besoin »: see what the site already offers for it, then send."""
    _page, form = site.open(visitor, "/besoin/", "need: form page")
    # The collectivité is chosen in an autocomplete list: the structure's name instead.
    pairs = fill(form, visitor.rng, {}, skip={"collectivite"})
    check = submit_button(form, "action", "verifier")
    if check is None:  # a one-step form
        return visitor.post(form, pairs, "need: send")
    checked = visitor.post(form, [*pairs, check], "need: check", expect=(200,))
    if checked is None or checked.status != 200:
        return checked
    send = submit_button(checked.form("/besoin/"), "action", "envoyer")
    if send is None:
        raise FormMissing("no « envoyer » button after the « vérifier » step of /besoin/")
    return visitor.post(checked.form("/besoin/"), [*pairs, send], "need: send")


def vote(visitor: Visitor, site: Site) -> Page | None:
    """A representative logs in (once) and casts or changes their collectivité's ballot."""
    ballots = site.pages.get("ballot")
    if ballots is None:
        ballots = site.pages["ballot"] = _open_ballots(visitor, site)
    if site.voters is None:
        if site.make_voters is None:
            raise FormMissing("no representatives' accounts to vote with")
        site.voters = VoterPool(site.port, visitor.recorder, site.make_voters(VOTERS))
    voter = site.voters.take()
    if voter is None:  # every account is busy voting: this visitor reads the results
        return visitor.get(visitor.rng.choice(site.pages["vote results"]), "GET vote results")
    try:
        ballot = visitor.rng.choice(ballots)
        if not voter.logged_in:
            _log_in(voter, site, ballot)
        _page, form = site.open(voter.visitor, ballot, "vote: ballot")
        return voter.visitor.post(form, fill(form, voter.visitor.rng, {}, set()), "vote: send")
    finally:
        site.voters.give_back(voter)


def _open_ballots(visitor: Visitor, site: Site) -> list[str]:
    ballots = []
    for results in site.pages.get("vote results", []):
        page = visitor.get(results, "discovery")
        if page is not None:
            ballots += [p for p in page.links(r"/votes/[^/]+/bulletin/") if p not in ballots]
    if not ballots:
        raise FormMissing("no ballot linked from the vote results")
    return ballots


def _log_in(voter: "Voter", site: Site, ballot: str) -> None:
    page = voter.visitor.get(ballot, "vote: ballot")
    logins = [] if page is None else page.links(r"/compte/connexion/")
    if not logins:
        raise FormMissing(f"no login link on {ballot}")
    _page, form = site.open(voter.visitor, logins[0], "vote: login page")
    values = {
        f.name: voter.email
        for f in form.fields
        if f.type == "email" or f.name in ("username", "email")
    }
    values.update({f.name: voter.password for f in form.fields if f.type == "password"})
    answer = voter.visitor.post(form, fill(form, voter.visitor.rng, values, set()), "vote: log in")
    voter.logged_in = answer is not None and answer.status in REDIRECTS


@dataclass
class Voter:
    visitor: Visitor
    email: str
    password: str
    logged_in: bool = False


class VoterPool:
    """Representatives' accounts, each used by one visit at a time; a voter stays
    logged in (their session cookie) from one vote to the next."""

    def __init__(self, port, recorder, accounts: list[tuple[str, str]]):
        self.free = [Voter(Visitor(port, recorder), email, pw) for email, pw in accounts]
        self.lock = threading.Lock()

    def take(self) -> Voter | None:
        with self.lock:
            return self.free.pop(random.randrange(len(self.free))) if self.free else None

    def give_back(self, voter: Voter) -> None:
        with self.lock:
            self.free.append(voter)


FORM_SCENARIOS: dict[str, tuple[Callable[[Visitor, Site], Page | None], int]] = {
    "newsletter sign-up": (newsletter_signup, 3),
    "contribution": (contribution, 2),
    "need request": (need_request, 2),
    "vote": (vote, 3),
}
QUEUES_A_TASK = ["newsletter sign-up", "contribution", "need request"]  # a confirmation e-mail

# Visits per 100: what people mostly do is read.
PAGE_WEIGHTS = {
    "home": 14,
    "theme page": 12,
    "library": 6,
    "library search": 12,
    "resource page": 10,
    "site search": 5,
    "index /agenda/": 5,
    "event page": 6,
    "index /votes/": 3,
    "vote results": 6,
    "index /thematiques/": 4,
}


@dataclass
class Mix:
    """The visits of the load test and their weights."""

    visits: list[tuple[str, Callable[[Visitor, Site, float], None], int]]

    def pick(self, rng: random.Random):
        names, weights = zip(*[(v, w) for v, _run, w in self.visits], strict=True)
        index = rng.choices(range(len(names)), weights=weights)[0]
        return self.visits[index]


def build_mix(site: Site, probe: Visitor, *, forms: bool = True) -> Mix:
    """The pages found and, if ``forms``, the form scenarios that ran once without
    FormMissing; a note for each scenario left out."""
    visits = [
        (f"GET {kind}", read_page(kind), weight)
        for kind, weight in PAGE_WEIGHTS.items()
        if site.pages.get(kind)
    ]
    for name, (scenario, weight) in FORM_SCENARIOS.items() if forms else ():
        try:
            scenario(probe, site)
        except FormMissing as missing:
            site.notes.append(f"{name}: left out of the mix, {missing}")
            continue
        visits.append((name, _as_visit(scenario), weight))
        site.forms.append(name)
    return Mix(visits)


def _as_visit(scenario):
    def visit(visitor: Visitor, site: Site, due: float) -> None:
        try:
            scenario(visitor, site)
        except FormMissing as missing:  # a form that vanished under load is a refusal
            visitor.recorder.refusal(scenario.__name__, str(missing))

    return visit
