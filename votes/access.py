"""Who is acting for a collectivité, and where to log in (the accounts app's pages)."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from collectivites.selectors import representative_of_request

__all__ = ["login_url", "representative_of_request", "signup_url"]


def _url(name: str, fallback: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return reverse(fallback) if fallback else ""


def login_url(next_path: str = "") -> str:
    """The representatives' login page, coming back to ``next_path`` afterwards."""
    url = _url("account-login", settings.LOGIN_URL)
    if next_path:
        url = f"{url}?{urlencode({'next': next_path})}"
    return url


def signup_url() -> str:
    return _url("account-signup", "")
