from django.urls import path

from . import projects as projects_api
from . import resources as resources_api
from . import views

urlpatterns = [
    path("", views.documentation, name="api-documentation"),
    path("openapi.json", views.openapi_document, name="api-openapi"),
    path("ressources/", resources_api.resource_list, name="api-resource-list"),
    path("ressources/<str:slug>/", resources_api.resource_detail, name="api-resource-detail"),
    path("projets/", projects_api.project_list, name="api-project-list"),
    path("projets/<str:slug>/", projects_api.project_detail, name="api-project-detail"),
    # Under /api/, a wrong address answers in JSON too, not with the site's 404 page.
    path("<path:rest>", views.unknown_endpoint),
]
