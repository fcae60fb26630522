"""Reads: finding a collectivité from what people type, and who is acting on the site."""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from .models import Collectivite, Representative
from .names import compact_number, fold, fold_query, is_insee_code, looks_like_number, luhn_ok
from .official_names import NameQuery, identifying_words, parse_name_query

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 20
# « Lyon (69) », « Rhône (département) »: what the field shows once a collectivité is chosen.
QUALIFIED_NAME = re.compile(r"^(?P<name>.+?)\s*\((?P<qualifier>[^()]{1,30})\)\s*$")
KIND_QUALIFIERS = {
    "departement": Collectivite.Kind.DEPARTEMENT,
    "region": Collectivite.Kind.REGION,
    "commune": Collectivite.Kind.COMMUNE,
    "epci": Collectivite.Kind.EPCI,
    "intercommunalite": Collectivite.Kind.EPCI,
}


# --- Search -----------------------------------------------------------------------------


def collectivite_search(
    *, query: str, limit: int = 10, kinds: list[str] | None = None
) -> list[Collectivite]:
    """Current collectivités matching a name, a postal code, an INSEE code or a SIREN.

    Ranked: exact code first, then exact name, names starting with the query, names
    with a word starting with it; then the most populated. One query, capped.
    """
    limit = max(1, min(int(limit), MAX_RESULTS))
    candidates = _in_kinds(Collectivite.objects.current(), kinds)
    ranked = collectivite_filter_matching(query=query, candidates=candidates)
    return list(ranked.order_by(*RANKING)[:limit])


RANKING = ("rank", F("population").desc(nulls_last=True), "search_name", "code")


def collectivite_filter_matching(*, query: str, candidates: QuerySet) -> QuerySet:
    """``candidates`` that match ``query``, annotated with their ``rank`` (0 is best)."""
    text = (query or "").replace("\x00", "")[:MAX_QUERY_LENGTH].strip()
    if looks_like_number(text):
        ranked = _number_matches(candidates, compact_number(text))
    elif is_insee_code(text):
        ranked = candidates.filter(code__iexact=text).annotate(rank=Value(0))
    else:
        ranked = _name_matches(candidates, text)
    return candidates.none().annotate(rank=Value(0)) if ranked is None else ranked


def _in_kinds(queryset: QuerySet, kinds: list[str] | None) -> QuerySet:
    valid = [kind for kind in (kinds or []) if kind in Collectivite.Kind.values]
    return queryset.filter(kind__in=valid) if valid else queryset


def _number_matches(candidates: QuerySet, digits: str) -> QuerySet | None:
    if len(digits) < 2 or len(digits) > 9:
        return None
    if len(digits) >= 6:
        # Only a SIREN is that long.
        return candidates.filter(siren__startswith=digits).annotate(
            rank=Case(When(siren=digits, then=Value(0)), default=Value(1))
        )
    postal = Q(postal_codes__startswith=digits) | Q(postal_codes__contains=" " + digits)
    return candidates.filter(Q(code__startswith=digits) | postal).annotate(
        rank=Case(
            When(code=digits, then=Value(0)),
            When(Q(postal_codes=digits) | Q(postal_codes__startswith=digits + " "), then=Value(1)),
            When(postal_codes__contains=" " + digits, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )


def _name_matches(candidates: QuerySet, text: str) -> QuerySet | None:
    """Every identifying word starts a word of the name; the whole phrase ranks first."""
    query = parse_name_query(text)
    folded = fold_query(text)
    if len(" ".join(query.words)) < 2:
        return None
    matching = candidates.filter(_named(query))
    phrases = {folded, query.phrase}
    return matching.annotate(
        rank=Case(
            When(search_name__in=phrases, then=Value(1)),
            When(_phrase_starts(phrases), then=Value(2)),
            When(_phrase_inside(phrases), then=Value(3)),
            default=Value(4),
            output_field=IntegerField(),
        )
    )


def _named(query: NameQuery) -> Q:
    named = Q()
    for word in query.words:
        named &= Q(search_name__startswith=word) | Q(search_name__contains=" " + word)
    if query.kind:
        named &= Q(kind=query.kind)
    if query.epci_types:
        named &= Q(epci_type__in=query.epci_types)
    if query.postal_code:
        named &= Q(postal_codes__startswith=query.postal_code) | Q(
            postal_codes__contains=" " + query.postal_code
        )
    if query.departement:
        named &= Q(departement__iexact=query.departement)
    return named


def _phrase_starts(phrases: set[str]) -> Q:
    return reduce(or_, (Q(search_name__startswith=phrase) for phrase in phrases))


def _phrase_inside(phrases: set[str]) -> Q:
    return reduce(or_, (Q(search_name__contains=" " + phrase) for phrase in phrases))


def collectivite_get(*, pk: int) -> Collectivite | None:
    return Collectivite.objects.filter(pk=pk).first()


# --- Resolving what was typed into the collectivité field ------------------------------


@dataclass
class Resolution:
    """The collectivité that typed text designates, or why none could be chosen.

    ``problem`` is one of: ``empty``, ``siren_length``, ``siren_key``, ``siren_unknown``,
    ``code_unknown``, ``ambiguous``, ``not_found``, ``too_short``.
    """

    collectivite: Collectivite | None = None
    problem: str = ""
    candidates: list[Collectivite] = field(default_factory=list)
    digits: str = ""


def collectivite_resolve(
    *, text: str, kinds: list[str] | None = None, chosen_id: str = ""
) -> Resolution:
    """What the collectivité field holds: a choice from the list, a SIREN, a code, a name.

    ``chosen_id`` is what the autocomplete put beside the text; it counts only while
    the text is still that collectivité's label (otherwise the person typed again).
    """
    # Spaces first, then the length: leading spaces must not push the name out.
    text = (text or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH].strip()
    if not text:
        return Resolution(problem="empty")
    candidates = _in_kinds(Collectivite.objects.current(), kinds)
    chosen = _chosen(candidates, chosen_id)
    if chosen is not None and fold(chosen.label) == fold(text):
        return Resolution(collectivite=chosen)
    if looks_like_number(text):
        return _resolve_number(candidates, compact_number(text))
    if is_insee_code(text):
        return _single(candidates.filter(code__iexact=text), "code_unknown")
    return _resolve_name(candidates, text)


def _chosen(candidates: QuerySet, chosen_id: str) -> Collectivite | None:
    chosen_id = str(chosen_id or "").strip()
    if not chosen_id.isdigit() or len(chosen_id) > 18:
        return None
    return candidates.filter(pk=int(chosen_id)).first()


def _resolve_number(candidates: QuerySet, digits: str) -> Resolution:
    if len(digits) == 9:
        found = candidates.filter(siren=digits).first()
        if found is not None:
            return Resolution(collectivite=found)
        return Resolution(
            problem="siren_unknown" if luhn_ok(digits) else "siren_key", digits=digits
        )
    if len(digits) == 5:
        # A commune's INSEE code, or a postal code shared by one or several communes.
        by_code = candidates.filter(code=digits, kind=Collectivite.Kind.COMMUNE).first()
        if by_code is not None:
            return Resolution(collectivite=by_code)
        postal = Q(postal_codes__startswith=digits) | Q(postal_codes__contains=" " + digits)
        return _single(candidates.filter(postal), "code_unknown", digits=digits)
    if len(digits) in (2, 3):
        found = candidates.filter(code=digits, kind=Collectivite.Kind.DEPARTEMENT)
        return _single(found, "code_unknown", digits=digits)
    return Resolution(problem="siren_length", digits=digits)


def _resolve_name(candidates: QuerySet, text: str) -> Resolution:
    named = candidates
    match = QUALIFIED_NAME.match(text)
    if match:
        text, qualifier = match["name"], fold(match["qualifier"]).upper()
        kind = KIND_QUALIFIERS.get(qualifier.lower())
        named = named.filter(kind=kind) if kind else named.filter(departement__iexact=qualifier)
    folded = fold_query(text)
    if len(folded) < 2:
        return Resolution(problem="too_short")
    exact = list(
        named.filter(search_name=folded).order_by(F("population").desc(nulls_last=True))[:9]
    )
    if not exact:
        exact = _same_identifying_words(named, text)
    if len(exact) == 1:
        return Resolution(collectivite=exact[0])
    if exact:
        return Resolution(problem="ambiguous", candidates=exact[:8])
    # Nothing by that exact name: suggest what the autocomplete would have offered.
    return Resolution(problem="not_found", candidates=collectivite_search(query=text, limit=8))


def _same_identifying_words(named: QuerySet, text: str) -> list[Collectivite]:
    """« CC Pays de Blain », « Mairie de Plessé 44630 »: the official name written
    otherwise designates it when the identifying words are the same."""
    query = parse_name_query(text)
    found = named.filter(_named(query)).order_by(F("population").desc(nulls_last=True))
    return [c for c in found[:50] if identifying_words(c.search_name) == query.words][:9]


def _single(queryset: QuerySet, problem: str, *, digits: str = "") -> Resolution:
    found = list(queryset.order_by(F("population").desc(nulls_last=True))[:9])
    if len(found) == 1:
        return Resolution(collectivite=found[0])
    if found:
        return Resolution(problem="ambiguous", candidates=found[:8], digits=digits)
    return Resolution(problem=problem, digits=digits)


# --- Who is acting ----------------------------------------------------------------------


def representative_of_request(*, request) -> Representative | None:
    """The representative account of the logged-in user, whatever its status."""
    if hasattr(request, "_representative"):
        return request._representative
    user = getattr(request, "user", None)
    representative = None
    if user is not None and user.is_authenticated:
        representative = (
            Representative.objects.select_related("collectivite").filter(user=user).first()
        )
    request._representative = representative
    return representative


def representative_is_suspended(*, email: str, password: str) -> bool:
    """Whether this login is a suspended representative's: said only to whoever knows
    the password."""
    user = get_user_model().objects.filter(username=email, is_active=False).first()
    return (
        user is not None
        and user.check_password(password)
        and Representative.objects.filter(
            user=user, status=Representative.Status.SUSPENDED
        ).exists()
    )


def representative_list_colleagues(*, representative: Representative) -> QuerySet:
    """The other validated representatives of the same collectivité."""
    return (
        Representative.objects.active()
        .filter(collectivite_id=representative.collectivite_id)
        .exclude(pk=representative.pk)
        .order_by("full_name")
    )
