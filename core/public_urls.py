"""The site's public address, for every link that leaves the page it is on.

One rule: an absolute link (canonical, ``og:url``, share buttons, sitemap, feeds,
JSON-LD, iCalendar, API, e-mails) is ``SITE_URL`` followed by the path, never the
host a request happened to arrive by (a health probe, an internal proxy, a worker
with no request at all). The default Wagtail Site is kept equal to ``SITE_URL``
(``core.services.site_sync_with_setting``) so that Wagtail's own ``full_url`` agrees.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    """``https://host`` (with its port when it is not the scheme's own), no final slash."""
    return settings.SITE_URL.rstrip("/")


def public_url(url: str | None) -> str:
    """« /thematiques/x/ » → « https://host/thematiques/x/ »; full URLs are kept as they are
    (a page of another Wagtail site, a file on the object store's own domain)."""
    if url and url.startswith("/") and not url.startswith("//"):
        return site_url() + url
    return url or ""


def site_host_and_port() -> tuple[str, int]:
    """The ``hostname`` and ``port`` the Wagtail Site needs for ``root_url`` to be SITE_URL."""
    parts = urlsplit(site_url())
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
