"""The French analyser every search of the site shares, on SQLite and PostgreSQL alike.

Text and queries go through the same steps, in Python, so both databases index and
look up the very same terms: accents and case folded (« Élus » → « elus »), words
cut on anything that is not a letter or digit (whole words only: « jeu » never
matches « jeunes »), French stop words dropped (PostgreSQL's own list), Snowball's
French stemmer (« participative », « participatif », « participation » →
« particip »; « concerter », « concertation » → « concert »), then a final plural
fold Snowball leaves out (« emplois » → « emploi », « jeux » → « jeu »).

PostgreSQL indexes these stems with the ``french_unaccent`` configuration (a stem
run through it again gives the same term on the index and the query side); SQLite
keeps them in an FTS5 table. A query is parsed into required words or "phrases",
and excluded ones (``-mot``); a query with no word left (« a », « % », an emoji)
asks for nothing, and finds nothing.
"""

import re
import unicodedata
from dataclasses import dataclass, field

import snowballstemmer

MAX_QUERY_TERMS = 12
MAX_WORD_LENGTH = 40
# PostgreSQL's tsearch_data/french.stop (Snowball's list), and a few it lacks (« les »).
# A stem that is one of them is dropped too: PostgreSQL would drop it on its side.
_STOP_LIST = """
au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me même mes moi
mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une
vos votre vous c d j l à m n s t y été étée étées étés étant étante étants étantes suis es est
sommes êtes sont serai seras sera serons serez seront serais serait serions seriez seraient étais
était étions étiez étaient fus fut fûmes fûtes furent sois soit soyons soyez soient fusse fusses
fût fussions fussiez fussent ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont
aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait avions
aviez avaient eut eûmes eûtes eurent aie aies ait ayons ayez aient eusse eusses eût eussions
eussiez eussent
les cette cet
"""
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
_TOKEN = re.compile(r"[^\W_]+")
# A phrase in quotes or a bare chunk, either one possibly preceded by « - » (excluded).
_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_stemmer = snowballstemmer.stemmer("french")


def fold(text: str) -> str:
    """Lower case without accents or ligatures: « Œuvre des Élus » → « oeuvre des elus »."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().translate(_LIGATURES)


STOP_WORDS = frozenset(fold(_STOP_LIST).split())


def tokens(text: str) -> list[str]:
    """The folded words of ``text``, stop words and lone letters left out."""
    return [
        token[:MAX_WORD_LENGTH]
        for token in _TOKEN.findall(fold(text))
        if token not in STOP_WORDS and not (len(token) == 1 and token.isalpha())
    ]


def stem(token: str) -> str:
    """The Snowball stem of a folded word, its plural folded too."""
    # Snowball keeps an s or x after a vowel (« emplois », « jeux ») and stems some
    # plurals apart from their singular (« conseillers » → « conseiller », « conseiller »
    # → « conseil »): the plural is folded before and after stemming.
    return _fold_plural(_stemmer.stemWord(_fold_plural(token)))


def _fold_plural(word: str) -> str:
    if len(word) >= 4 and word[-1] in "sx" and word[-2] != "s":
        return word[:-1]
    return word


def analyse(text: str) -> list[str]:
    """The terms a search index holds for ``text``, in order."""
    return [term for term in map(stem, tokens(text)) if term not in STOP_WORDS]


def analysed(text: str) -> str:
    return " ".join(analyse(text))


@dataclass(frozen=True)
class ParsedQuery:
    """A visitor's query: each term is a tuple of stems that must follow one another."""

    required: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[tuple[str, ...], ...] = ()
    # The folded words as typed, for the « Vouliez-vous dire » suggestion.
    words: tuple[str, ...] = field(default=())
    # The folded words of each term, before stemming (for Wagtail's page search).
    required_words: tuple[tuple[str, ...], ...] = ()
    excluded_words: tuple[tuple[str, ...], ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: only stop words, symbols or exclusions."""
        return not self.required

    def tsquery(self) -> str:
        """For ``to_tsquery('french_unaccent', …)``: terms are letters and digits only."""
        required = " & ".join(ts_phrase(term) for term in self.required)
        excluded = "".join(f" & !{ts_phrase(term)}" for term in self.excluded)
        return required + excluded

    def fts5(self) -> str:
        """For SQLite's ``MATCH``: every term quoted, so no word is read as an operator."""
        required = " AND ".join(f'"{" ".join(term)}"' for term in self.required)
        excluded = "".join(f' NOT "{" ".join(term)}"' for term in self.excluded)
        return f"({required}){excluded}"


def ts_phrase(term: tuple[str, ...]) -> str:
    return "(" + " <-> ".join(f"'{stem_}'" for stem_ in term) + ")"


def parse_query(query: str) -> ParsedQuery:
    """Quotes make a phrase, « -mot » or « -"deux mots" » excludes; the rest is required."""
    required, excluded, words = [], [], []
    surface: dict[tuple[str, ...], tuple[str, ...]] = {}
    for match in _QUERY_PART.finditer(query or ""):
        minus = match.group(1) or match.group(3)
        text = match.group(2) if match.group(2) is not None else match.group(4)
        if minus and text == "":
            continue
        folded = tokens(text)
        if not folded:
            continue
        term = tuple(analyse(text))
        if not term:
            continue
        target = excluded if minus else required
        if term not in target:
            target.append(term)
            surface[term] = tuple(folded)
        if not minus:
            words.extend(folded)
        if len(required) + len(excluded) >= MAX_QUERY_TERMS:
            break
    return ParsedQuery(
        required=tuple(required),
        excluded=tuple(excluded),
        words=tuple(dict.fromkeys(words)),
        required_words=tuple(surface[term] for term in required),
        excluded_words=tuple(surface[term] for term in excluded),
    )
