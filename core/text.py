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


# Words with an aspirated h take no elision (« de Hugues » is written either way; these
# are the common nouns the site writes: « de Haute-Savoie », « du handicap »).
ASPIRATED_H = ("haut", "haute", "hameau", "handicap", "hasard", "hall", "halle", "hongr")
VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"


def elides(word: str) -> bool:
    """Whether « de », « le », « que »… lose their vowel before ``word``."""
    folded = (word or "").strip().lower()
    if not folded:
        return False
    if folded[0] == "h":
        return not folded.startswith(ASPIRATED_H)
    return folded[0] in VOWELS


def of(word: str) -> str:
    """« de » before ``word``, elided when it must be: « d'Aurélie », « de Marc »."""
    return f"d'{word}" if elides(word) else f"de {word}"
