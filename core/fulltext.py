"""French full-text search helpers shared by the resource library and the pages.

On PostgreSQL, text is indexed with ``french_unaccent``: the ``french`` stemmer
preceded by ``unaccent``, so « emplois » finds « emploi » and « elus » finds
« élus ». On SQLite the fallback matches every word, accents and case folded, in
a normalised copy of the text.
"""

import re
import unicodedata

FTS_CONFIG = "french_unaccent"
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 40

CREATE_CONFIG_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"""
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{FTS_CONFIG}') THEN
            CREATE TEXT SEARCH CONFIGURATION {FTS_CONFIG} (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION {FTS_CONFIG}
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END $$;
    """,  # noqa: S608 — built from the module's constants, no user input
]


def normalise(text: str) -> str:
    """Lower case without accents: « Élus Locaux » → « elus locaux »."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def clean_query(raw: str) -> str:
    """The query as shown back to the visitor: spaces collapsed, long input cut, not refused."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text or "")


def query_words(query: str) -> list[str]:
    """The words of a visitor's query; quotes, operators and junk are dropped."""
    return [word[:MAX_WORD_LENGTH] for word in words(query)[:MAX_QUERY_WORDS]]


def fallback_stem(word: str) -> str:
    """A crude French plural folding for the SQLite fallback (« emplois » → « emploi »)."""
    word = normalise(word)
    if len(word) > 4 and word[-1] in "sx":
        return word[:-1]
    return word


def create_search_configuration(apps, schema_editor):
    """Migration step: the text search configuration, on PostgreSQL only."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE_CONFIG_SQL:
        schema_editor.execute(statement)
