"""The vocabulary « Vouliez-vous dire … ? » suggests from (resources.SearchTerm): the
folded words of the resources, counted on every save (resources.search), and of the
live, public pages the site search covers (core.search), counted when one is published.

Both go through the same steps: the folded text and the singular of its plurals
(``searchable_text``), cut into words by the analyser (core.analyser ``tokens``).
``manage.py search_reindex`` counts everything again from scratch.
"""

from collections import Counter
from collections.abc import Iterable
from html import unescape

from django.db import connection
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from core.analyser import tokens
from core.fulltext import fallback_stem, normalise
from core.fulltext import words as text_words
from core.search import searched_page_models

MIN_WORD_LENGTH = 3
VOCABULARY_SQL = (
    "INSERT INTO resources_searchterm (word, frequency, in_library) VALUES (%s, %s, %s) "
    "ON CONFLICT (word) DO UPDATE SET frequency = resources_searchterm.frequency "
    "+ excluded.frequency, in_library = resources_searchterm.in_library OR excluded.in_library"
)


def searchable_text(*parts: str) -> str:
    """The folded text of ``parts``, then the singular of its plurals: what the vocabulary
    (and, for a resource, the contribution form's duplicate check) reads."""
    text = normalise("\n".join(parts))
    folded = {fallback_stem(word) for word in text_words(text)} - set(text_words(text))
    return text + "\n" + " ".join(sorted(folded))


def vocabulary_add(*, texts: Iterable[str], in_library: bool) -> None:
    """Add the words of ``texts`` to the vocabulary, each counted once per text;
    ``in_library``: they are words of resources."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(
            {word for word in tokens(text) if len(word) >= MIN_WORD_LENGTH and not word.isdigit()}
        )
    if counts:
        with connection.cursor() as cursor:
            rows = [(word, count, in_library) for word, count in counts.items()]
            cursor.executemany(VOCABULARY_SQL, rows)


def searched_pages():
    """The live, public pages the site search covers, each as its own type."""
    return Page.objects.live().public().type(*searched_page_models()).specific()


def page_is_searched(page: Page) -> bool:
    return (
        isinstance(page, searched_page_models())
        and page.live
        and not page.get_view_restrictions().exists()
    )


def vocabulary_add_pages(*, pages: Iterable[Page]) -> int:
    """Add the words of ``pages`` (specific pages) to the vocabulary; how many they were."""
    texts = [searchable_text(page_text(page)) for page in pages]
    vocabulary_add(texts=texts, in_library=False)
    return len(texts)


def page_text(page: Page) -> str:
    """The plain text of the page's search fields (title, chapeau, body…), tags stripped."""
    fields = (field for field in page.get_search_fields() if isinstance(field, index.SearchField))
    return "\n".join(_plain(field.get_value(page)) for field in fields)


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):  # a StreamField's searchable content
        return "\n".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_plain(item) for item in value.values())
    return unescape(strip_tags(force_str(value)))
