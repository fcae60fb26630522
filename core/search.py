"""Site-wide search, grouped by type of content.

Each app registers its groups under ``SEARCH_GROUP_HOOK`` (a function returning
a ``SearchGroup``); the search page shows a few results of each group, or all
the results of one group, paginated, when the visitor asks for it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

from .fulltext import query_words

SEARCH_GROUP_HOOK = "register_search_group"


@dataclass(frozen=True)
class SearchGroup:
    key: str
    label: str
    order: int
    search: Callable[[str], object]  # words -> a sliceable, countable result set
    # Where « voir tous les résultats » leads when the app has its own search page.
    more_url: Callable[[str], str] | None = None


def search_groups() -> list[SearchGroup]:
    return sorted((fn() for fn in hooks.get_hooks(SEARCH_GROUP_HOOK)), key=lambda g: g.order)


def page_search(model):
    """Search live, public pages of ``model`` through Wagtail's search backend."""

    def run(words: str):
        return model.objects.live().public().specific().search(words)

    return run


def backend_words(query: str) -> str:
    """Only words reach the search backends: quotes and operators are syntax to them."""
    return " ".join(query_words(query))
