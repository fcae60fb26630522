"""How titles and links are compared to spot a proposal already on the site."""

import re
from urllib.parse import urlsplit

from core.fulltext import normalise


def title_key(title: str) -> str:
    """A title as duplicates are compared: case, accents, punctuation and spaces folded."""
    return " ".join(re.findall(r"\w+", normalise(title or "")))[:255]


def url_key(url: str) -> str:
    """A link as duplicates are compared: no scheme, no « www. », no trailing slash or anchor."""
    url = (url or "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.lower()[:500]
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"[:500]


def url_variants(url: str) -> list[str]:
    """The spellings of a link that a stored URL may have (scheme, www, trailing slash)."""
    key = url_key(url)
    if not key:
        return []
    host, _, rest = key.partition("/")
    rest = f"/{rest}" if rest else ""
    variants = []
    for scheme in ("https://", "http://"):
        for prefix in ("", "www."):
            base = f"{scheme}{prefix}{host}{rest}"
            variants += [base, base + "/"] if "?" not in base else [base]
    return variants
