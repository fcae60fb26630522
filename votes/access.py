"""Who is acting: the logged-in representative of a collectivité, and where to log in."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from territoires.collectivites.models import Representative


def current_representative(request) -> Representative | None:
    """The representative account of the logged-in user (whatever its status), or None."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    cached = getattr(request, "_votes_representative", False)
    if cached is not False:
        return cached
    representative = Representative.objects.select_related("collectivite").filter(user=user).first()
    request._votes_representative = representative
    return representative


def _url(name: str, fallback: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return reverse(fallback) if fallback else ""


def login_url(next_path: str = "") -> str:
    """The representatives' login page (the accounts app's, else Django's login URL)."""
    url = _url("account-login", settings.LOGIN_URL)
    if next_path:
        url = f"{url}?{urlencode({'next': next_path})}"
    return url


def signup_url() -> str:
    return _url("account-signup", "")
