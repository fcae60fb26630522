import re

from django.core.paginator import Paginator
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from .health import health_report

SEARCH_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


@never_cache
def health(request):
    report, status = health_report()
    return JsonResponse(report, status=status)


def search(request):
    # Long or odd queries are cut rather than refused: the visitor still gets results.
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_LENGTH]
    results = None
    if query:
        # Only words reach the search backend: quotes and operators are syntax to it.
        words = " ".join(re.findall(r"\w+", query))
        pages = Page.objects.live().public().exclude(depth__lte=1).specific().search(words)
        results = Paginator(pages, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "core/search.html", {"query": query, "results": results})


def favicon(request):
    # Browsers ask for /favicon.ico whatever the page declares; the DSFR ships one.
    return redirect(static("dsfr/dist/favicon/favicon.ico"))


def server_error(request):
    """500 without the database: the page must render even when it is down."""
    return HttpResponseServerError(loader.get_template("500.html").render({"static_layout": True}))
