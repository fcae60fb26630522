"""What every filtered listing (the library, the project index) shows around its facets:
values in French order, and the active filters as tags that remove themselves.

A facet group is a dict: ``name``, ``label``, ``multiple`` and ``options``, each option
having ``value``, ``label``, ``count`` and ``selected``.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict

from .text import fold_accents

# Parameters that a change of filter makes meaningless (the page number).
RESET_ON_CHANGE = ("page",)


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def french_key(label: str) -> tuple[str, str]:
    """Sort key of French collation without depending on the server's locale:
    « Île-de-France » among the I, « Élus » among the E, ties kept stable."""
    return (fold_accents(label), label)


def facet_sorted(options: list) -> list:
    return sorted(options, key=lambda option: french_key(option.label))


def query_without(*, params: QueryDict, name: str, value: str | None = None) -> str:
    """The query string of ``params`` without one value of ``name`` (all if None)."""
    pairs = []
    for key, values in params.lists():
        if key in RESET_ON_CHANGE:
            continue
        for item in values:
            if item == "" or (key == name and (value is None or item == value)):
                continue
            pairs.append((key, item))
    return urlencode(pairs)


def active_filters(*, params: QueryDict, facet_groups: list[dict], base_url: str) -> list[dict]:
    """One removable tag per selected value: its label and the address without it."""
    tags = []
    for group in facet_groups:
        for option in group["options"]:
            if option.selected:
                # A single-choice facet may hold what was typed (« Emploi » for the
                # tag « emploi »): removing it removes the parameter.
                value = option.value if group["multiple"] else None
                query = query_without(params=params, name=group["name"], value=value)
                tags.append(
                    {
                        "group": group["label"],
                        "label": option.label,
                        "url": f"{base_url}?{query}" if query else base_url,
                    }
                )
    return tags
