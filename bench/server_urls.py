"""The site's URLs plus /__bench__/bare/<name>/: a bare Django view sending bytes
captured from one of our pages (written by bench_pages into BENCH_BODIES_DIR)."""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from territoires import urls as site_urls


@cache
def captured(name: str) -> bytes:
    return (Path(os.environ["BENCH_BODIES_DIR"]) / f"{name}.html").read_bytes()


def bare_view(request, name):
    return HttpResponse(captured(name))


urlpatterns = [path("__bench__/bare/<slug:name>/", bare_view), *site_urls.urlpatterns]
handler500 = site_urls.handler500
