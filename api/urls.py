from django.urls import path

from . import views
from .registry import COLLECTIONS

urlpatterns = [
    path("", views.documentation, name="api-documentation"),
    path("openapi.json", views.openapi_document, name="api-openapi"),
]
for collection in COLLECTIONS:
    urlpatterns += [
        path(
            f"{collection.segment}/",
            collection.list_view,
            name=f"api-{collection.url_name}-list",
        ),
        path(
            f"{collection.segment}/<str:slug>/",
            collection.detail_view,
            name=f"api-{collection.url_name}-detail",
        ),
    ]
# Under /api/, a wrong address answers in JSON too, not with the site's 404 page.
urlpatterns.append(path("<path:rest>", views.unknown_endpoint))
