"""Text as people type it, compared without accents or case."""

import unicodedata

# Ligatures that NFKD does not split.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold_accents(text: str) -> str:
    """Lower case without accents or ligatures: « Élus Œuvrant » → « elus oeuvrant »."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def plural(singular: str, plural: str, count: int) -> str:
    """``ngettext`` with the French rule: 0 and 1 take the singular (« 0 thème »)."""
    return singular if abs(count) <= 1 else plural
