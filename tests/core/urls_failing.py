"""The site's URLs plus one view that always fails, to exercise the 500 page."""

from django.urls import path

from territoires.urls import handler500, urlpatterns


def failing_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("panne/", failing_view), *urlpatterns]

__all__ = ["handler500", "urlpatterns"]
