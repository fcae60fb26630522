"""Unique slugs, one rule for pages and models: « titre », then « titre-2 », « titre-3 »…

French elision joins two words with an apostrophe: « L'aller vers » is two words, so its
slug is ``l-aller-vers``, not the ``laller-vers`` of a slugify that drops the apostrophe.
"""

import re

from django.db.models import QuerySet
from django.utils.text import slugify

APOSTROPHES = re.compile(r"['’ʼ‘`´]")


def slug_of(text: str) -> str:
    """``slugify`` with apostrophes as word separators: « L'aller vers » → « l-aller-vers »."""
    return slugify(APOSTROPHES.sub(" ", text or ""))


def slug_corrected(*, slug: str, title: str) -> str:
    """The slug an editor left as the admin proposed it (the title without its
    apostrophes), with the apostrophes as separators; any other slug as it is."""
    if slug and APOSTROPHES.search(title or "") and slug == slugify(title):
        return slug_of(title)
    return slug


def slug_available(*, siblings: QuerySet, text: str, fallback: str, max_length: int = 240) -> str:
    """The slug of ``text`` that no row of ``siblings`` has yet (``fallback`` when
    ``text`` has no letter to keep). Exclude the row being renamed from ``siblings``."""
    base = slug_of(text)[:max_length] or fallback
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
