"""Names and numbers as people type them: folded names, SIREN keys, code shapes."""

import re

from core.text import fold_accents

SEPARATORS = re.compile(r"[\s\-'’‘`´.,;:/_()\"«»]+")
# « St-Étienne », « Ste Foy »: common abbreviations of the names of saints.
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
# Spaces, dots and dashes people put in numbers (« 217 500 016 », « 21.75.00.016 »).
NUMBER_SEPARATORS = re.compile(r"[\s.\-\u00a0\u202f]+")
INSEE_CODE = re.compile(r"^(\d{2}|2[ab])\d{3}$", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, no accents nor ligatures, hyphens and apostrophes as single spaces."""
    return " ".join(SEPARATORS.split(fold_accents(text))).strip()


def fold_query(text: str) -> str:
    """A folded search query; « st »/« ste » followed by another word mean saint(e)."""
    words = fold(text).split()
    expanded = [
        ABBREVIATIONS.get(word, word) if index < len(words) - 1 else word
        for index, word in enumerate(words)
    ]
    return " ".join(expanded)


def normalise_email(email: str) -> str:
    """An address as accounts are looked up: trimmed, lower case."""
    return (email or "").strip().lower()


def compact_number(text: str) -> str:
    """The text without the separators people write inside numbers."""
    return NUMBER_SEPARATORS.sub("", text or "")


def looks_like_number(text: str) -> bool:
    """Digits, possibly written with spaces, dots or dashes (a SIREN, a code)."""
    compact = compact_number(text)
    return bool(compact) and compact.isdigit()


def luhn_ok(digits: str) -> bool:
    """The Luhn check that the last digit of a SIREN is the key of the others."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def is_insee_code(text: str) -> bool:
    return bool(INSEE_CODE.match(text or ""))
