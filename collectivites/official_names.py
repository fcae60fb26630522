"""Names as agents write them: « Communauté de communes du Pays de Blain », « CC Pays de
Blain », « Mairie de Plessé », « Ville de Paris », « Plessé 44630 », « Grand Lyon ».

The official list names an EPCI by its short legal form (« CC du Pays de Blain »), a
commune by its name alone: a query is reduced to the same shape, and to the words that
identify the collectivité whatever the articles and the order.
"""

import re
from dataclasses import dataclass

from .names import fold_query

# Folded long or short legal form → (the short form official names begin with, kind,
# EPCI types). Longest first, so that « communaute de communes » wins over « commune ».
LEGAL_FORMS = (
    ("communaute de communes", "cc", "epci", ("CC",)),
    ("communaute d agglomeration", "ca", "epci", ("CA",)),
    ("communaute urbaine", "cu", "epci", ("CU",)),
    ("conseil departemental", "", "departement", ()),
    ("conseil regional", "", "region", ()),
    ("departement", "", "departement", ()),
    ("region", "", "region", ()),
    ("mairie", "", "commune", ()),
    ("ville", "", "commune", ()),
    ("commune", "", "commune", ()),
    ("cc", "cc", "epci", ("CC",)),
    ("ca", "ca", "epci", ("CA",)),
    ("cu", "cu", "epci", ("CU",)),
)
# Names in common use that share no word with the official one.
ALIASES = {
    "grand lyon": "metropole de lyon",
    "mel": "metropole europeenne de lille",
    "lille metropole": "metropole europeenne de lille",
}
ARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et"})
POSTAL_CODE = re.compile(r"^\d{5}$")
DEPARTEMENT_CODE = re.compile(r"^(\d{2,3}|2a|2b)$")


@dataclass(frozen=True)
class NameQuery:
    """What a typed name asks for. ``phrase`` is shaped like an official folded name;
    ``words`` are those that identify the collectivité (no legal form, no article)."""

    phrase: str
    words: tuple[str, ...]
    kind: str = ""
    epci_types: tuple[str, ...] = ()
    postal_code: str = ""
    departement: str = ""


def parse_name_query(text: str) -> NameQuery:
    """« Mairie de Plessé 44630 » → phrase « plesse », kind commune, postal code 44630."""
    folded = fold_query(text.replace("&", " et "))
    folded = ALIASES.get(folded, folded)
    tokens = folded.split()
    postal_code = next((token for token in tokens if POSTAL_CODE.match(token)), "")
    departement = next((token for token in tokens if DEPARTEMENT_CODE.match(token)), "")
    tokens = [token for token in tokens if token not in (postal_code, departement)]
    short, kind, epci_types, tokens = _legal_form(tokens)
    if kind and not short:  # « Mairie de Plessé »: the name is what follows
        tokens = _without_leading_articles(tokens)
    phrase = " ".join(([short] if short else []) + tokens)
    return NameQuery(
        phrase=phrase,
        words=significant_words(" ".join(tokens)),
        kind=kind,
        epci_types=epci_types,
        postal_code=postal_code,
        departement=departement.upper(),
    )


def significant_words(folded: str) -> tuple[str, ...]:
    """The words of a folded name without its articles (all of them if nothing else)."""
    words = folded.split()
    return tuple(word for word in words if word not in ARTICLES) or tuple(words)


def identifying_words(search_name: str) -> tuple[str, ...]:
    """The significant words of an official folded name, its legal form left out."""
    return significant_words(" ".join(_legal_form(search_name.split())[3]))


def _legal_form(tokens: list[str]) -> tuple[str, str, tuple[str, ...], list[str]]:
    for long_form, short, kind, epci_types in LEGAL_FORMS:
        words = long_form.split()
        if tokens[: len(words)] == words and len(tokens) > len(words):
            return short, kind, epci_types, tokens[len(words) :]
    return "", "", (), tokens


def _without_leading_articles(tokens: list[str]) -> list[str]:
    rest = list(tokens)
    while len(rest) > 1 and rest[0] in ARTICLES:
        rest.pop(0)
    return rest
