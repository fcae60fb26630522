"""The site's URLs plus one view that always fails, to exercise the 500 page."""

from django.db import OperationalError
from django.urls import path

from territoires.urls import handler500, urlpatterns


def failing_view(request):
    raise RuntimeError("boom")


def database_down_view(request):
    raise OperationalError("connection refused")


urlpatterns = [
    path("panne/", failing_view),
    path("base-injoignable/", database_down_view),
    *urlpatterns,
]

__all__ = ["handler500", "urlpatterns"]
