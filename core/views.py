import posixpath
import sys
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.static import serve

from .analyser import parse_query
from .fulltext import clean_query
from .health import health_report
from .request_guards import refusal
from .search import search_groups, search_suggestion

SEARCH_RESULTS_PER_PAGE = 10
GROUP_PREVIEW = 5


@never_cache
def health(request):
    report, status = health_report()
    return JsonResponse(report, status=status)


def search(request):
    """/recherche/: results grouped by type; ``?type=`` shows one group, paginated."""
    query = clean_query(request.GET.get("q", ""))
    searchable = not parse_query(query).is_empty
    groups = search_groups()
    selected = next((g for g in groups if g.key == request.GET.get("type")), None)
    context = {
        "query": query,
        "groups": [],
        "selected": selected,
        "results": None,
        "query_without_words": bool(query) and not searchable,
    }
    if searchable and selected:
        results = selected.search(query)
        context["results"] = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        found = context["results"].paginator.count
    elif searchable:
        for group in groups:
            results = group.search(query)
            count = results.count()
            if count:
                more = group.more_url(query) if group.more_url else None
                context["groups"].append(
                    {
                        "group": group,
                        "count": count,
                        "items": list(results[:GROUP_PREVIEW]),
                        "more_url": more,
                    }
                )
        found = context["total"] = sum(entry["count"] for entry in context["groups"])
    if searchable:
        context["suggestion"] = search_suggestion(query=query, found=found)
        if context["suggestion"]:
            params = {"q": context["suggestion"], **({"type": selected.key} if selected else {})}
            context["suggestion_url"] = "?" + urlencode(params)
    return render(request, "core/search.html", context)


def favicon(request):
    # Browsers ask for /favicon.ico whatever the page declares; the DSFR ships one.
    return redirect(static("dsfr/dist/favicon/favicon.ico"))


def server_error(request):
    """500 without the database: the page must render even when it is down.

    When the error is the database being out of reach (a restart, a failover),
    the visitor is told it is temporary: 503 with ``Retry-After``.
    """
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(
            loader.get_template("503.html").render({"static_layout": True}), status=503
        )
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render({"static_layout": True}))


def bad_request(request, exception=None):
    """400 for what Django refuses itself (a body with too many fields, a malformed
    upload, a forged Host…): the French page, without the database."""
    return refusal(request, status=400, message="")


def local_media(request, path):
    """Media on the local disk (the embedded default). Documents are refused here
    whatever the spelling of the path (``images/../documents/…``, ``./documents/…``):
    they go through /documents/, which applies their collection's privacy."""
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised == "documents" or normalised.startswith(("documents/", "../")):
        raise Http404
    try:
        return serve(request, normalised, document_root=settings.MEDIA_ROOT)
    except OSError as error:  # a name the file system refuses (too long…) is no file
        raise Http404 from error
