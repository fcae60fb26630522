"""Unique slugs, one rule for pages and models: « titre », then « titre-2 », « titre-3 »…"""

from django.db.models import QuerySet
from django.utils.text import slugify


def slug_available(*, siblings: QuerySet, text: str, fallback: str, max_length: int = 240) -> str:
    """The slug of ``text`` that no row of ``siblings`` has yet (``fallback`` when
    ``text`` has no letter to keep). Exclude the row being renamed from ``siblings``."""
    base = slugify(text)[:max_length] or fallback
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
