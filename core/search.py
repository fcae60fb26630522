"""Site-wide search, grouped by type of content.

Each app registers its groups under ``SEARCH_GROUP_HOOK`` (a function returning
a ``SearchGroup``); the search page shows a few results of each group, or all
the results of one group, paginated, when the visitor asks for it. Every group
receives the visitor's query as typed (quotes and « -mot » included) and reads it
through core.analyser, as the library does.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from wagtail import hooks
from wagtail.search.query import Not, Phrase, PlainText

from .analyser import ParsedQuery, parse_query

SEARCH_GROUP_HOOK = "register_search_group"
# A function (query, results found) -> a suggested query or None: « Vouliez-vous dire ».
SEARCH_SUGGESTION_HOOK = "register_search_suggestion"


@dataclass(frozen=True)
class SearchGroup:
    key: str
    label: str
    order: int
    search: Callable[[str], object]  # query -> a sliceable, countable result set
    # Where « voir tous les résultats » leads when the app has its own search page.
    more_url: Callable[[str], str] | None = None


def search_groups() -> list[SearchGroup]:
    return sorted((fn() for fn in hooks.get_hooks(SEARCH_GROUP_HOOK)), key=lambda g: g.order)


def search_suggestion(*, query: str, found: int) -> str | None:
    for suggest in hooks.get_hooks(SEARCH_SUGGESTION_HOOK):
        suggestion = suggest(query=query, found=found)
        if suggestion:
            return suggestion
    return None


class PageSearch:
    """Search live, public pages of ``model`` through Wagtail's search backend."""

    def __init__(self, model):
        self.model = model  # read by searched_page_models

    def __call__(self, query: str):
        pages = self.model.objects.live().public().specific()
        parsed = parse_query(query)
        if parsed.is_empty:
            return pages.none()
        return pages.search(page_query(parsed))


def page_search(model) -> PageSearch:
    return PageSearch(model)


def searched_page_models() -> tuple[type, ...]:
    """The page models the groups search (their words feed « Vouliez-vous dire »)."""
    groups = search_groups()
    return tuple(group.search.model for group in groups if isinstance(group.search, PageSearch))


def page_query(parsed: ParsedQuery):
    """Wagtail's query for the pages: each word in its singular or plural form, so that
    « emplois » and « emploi », « détenu » and « détenus » find the same pages."""
    terms = [_term(words) for words in parsed.required_words]
    query = reduce(and_, terms)
    for words in parsed.excluded_words:
        query &= Not(_term(words))
    return query


def _term(words: tuple[str, ...]):
    if len(words) > 1:
        return Phrase(" ".join(words))
    return reduce(or_, (PlainText(form) for form in number_forms(words[0])))


def number_forms(word: str) -> list[str]:
    """« emploi » → emploi, emplois; « jeux » → jeux, jeu; « bureau » → bureau, bureaux."""
    forms = [word]
    if len(word) >= 4 and word[-1] in "sx":
        forms.append(word[:-1])
    elif word[-2:] in ("au", "eu"):
        forms.append(word + "x")
    elif not word.isdigit():
        forms.append(word + "s")
    return forms
