"""SITE_URL, the public address every absolute link is built from, checked at start-up."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

# What `make run` serves on: the embedded default.
DEV_URL = "http://127.0.0.1:8000"


def public_address(url: str) -> str:
    """``SITE_URL`` checked and normalised (``https://host``, default port left out).

    Wagtail's ``Site.root_url`` says https for port 443 only, so https must use it."""
    parts = urlsplit(url.strip().rstrip("/"))
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in {"http", "https"} or not parts.hostname or port == -1:
        raise ImproperlyConfigured(f"SITE_URL must look like https://example.org, not {url!r}.")
    if parts.path or parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(f"SITE_URL must have no path, query or user: {url!r}.")
    if (parts.scheme == "https") != (port == 443) and port is not None:
        raise ImproperlyConfigured(f"SITE_URL must use https on port 443 and only there: {url!r}.")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    default_port = 443 if parts.scheme == "https" else 80
    return f"{parts.scheme}://{host}" + (f":{port}" if port not in {None, default_port} else "")
