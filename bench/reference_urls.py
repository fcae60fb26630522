"""The reference for page benchmarks: a bare Django view returning the same bytes."""

from django.http import HttpResponse
from django.urls import path

BODIES: dict[str, bytes] = {}


def bare_view(request, url=""):
    return HttpResponse(BODIES["/" + url])


urlpatterns = [path("", bare_view), path("<path:url>", bare_view)]
