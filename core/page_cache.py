"""Whole-page cache for anonymous visitors, emptied when the published content changes.

A visitor with no session (no account, no form in progress, no pending message)
gets the page as the last anonymous visitor did, while the content has not
changed. Every cached entry is keyed by a *generation* number; any write to the
site's content (a page published, a resource saved, a vote cast…) bumps the
generation, so stale pages are never served after publishing, on any worker
sharing the cache. Pages that set cookies or ``Cache-Control: private`` are
never stored; forms in a cached page get the visitor's own CSRF token.

Entries are keyed on the path and the known query parameters only
(``PAGE_CACHE_QUERY_PARAMS``), so that ``?a=1``, ``?a=2``… cannot each add an entry.
"""

import hashlib
import logging
import re
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re

from .cache import cache_recovered

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
MAX_BODY_BYTES = 1024 * 1024
# Django writes each form's token as this hidden input ({% csrf_token %}).
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, timeout=None)
    return value


def invalidate(**kwargs) -> None:
    """Signal receiver: the content changed, forget every cached page."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: nothing cached under it either
        cache.add(GENERATION_KEY, 2, timeout=None)
    except Exception:  # cache unreachable: nothing can be served from it either
        logger.warning("Page cache generation not bumped", exc_info=True)


def connect_invalidation() -> None:
    """Bumps the generation on writes to models whose content pages show."""
    ignored = {label.lower() for label in settings.PAGE_CACHE_IGNORED_MODELS}
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label not in settings.PAGE_CACHE_CONTENT_APPS:
            continue
        if meta.label_lower in ignored:
            continue
        post_save.connect(
            invalidate, sender=model, dispatch_uid=f"pagecache-save-{meta.label_lower}"
        )
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"pagecache-delete-{meta.label_lower}"
        )
    # Writes made while Redis was down could not bump the generation.
    cache_recovered.connect(invalidate, dispatch_uid="pagecache-cache-recovered")


def _cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def _cache_key(request) -> str | None:
    """The entry of this page, or None when the query string has a parameter no page
    reads. Such a request is computed but neither served from the cache nor stored,
    rather than served as the page without it: ignoring a parameter is safe only for
    a view that provably never reads it, and some do read the whole query string
    (``request.GET or None`` binds a filter form; the API repeats it in its links)."""
    params = request.GET
    if any(name not in settings.PAGE_CACHE_QUERY_PARAMS for name in params):
        return None
    # Sorted by name, so that the same filters in another order share an entry; the
    # values of one name keep their order.
    query = urlencode(sorted(params.lists()), doseq=True)
    # request.path, prefix included: the links the page holds are built on it.
    address = hashlib.sha256(f"{request.get_host()}\n{request.path}?{query}".encode()).hexdigest()
    return f"pagecache:{generation()}:{address}"


def _cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A page that wrote to the session or queued a message is this visitor's own.
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and messages.added_new:
        return False
    directives = {d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & {"private", "no-cache", "no-store"}:
        return False
    return len(response.content) <= MAX_BODY_BYTES


class PageCacheMiddleware:
    """Serves and stores anonymous pages; ``X-Cache`` says which it did."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _cache_key(request) if _cacheable_request(request) else None
        if key is None:
            return self.get_response(request)
        nonce = getattr(request, "csp_nonce", "")
        cached = cache.get(key)
        if cached is not None:
            response, stored_nonce = cached
            if stored_nonce and nonce:
                # A nonce must never be reused: give this copy the request's own.
                response.content = response.content.replace(stored_nonce.encode(), nonce.encode())
            if CSRF_INPUT.search(response.content):
                # Forms carry this visitor's CSRF token (and the middleware sets its cookie).
                response.content = CSRF_INPUT.sub(
                    lambda match: match.group(1) + get_token(request).encode() + match.group(2),
                    response.content,
                )
            response["X-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            cache.set(key, (response, nonce), settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "MISS"
        return response
