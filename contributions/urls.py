"""Public URLs of this app, mounted at the site root before Wagtail's pages."""

from django.urls import path

from . import views, views_follow_up

urlpatterns = [
    path("contribuer/", views.contribute, name="contribute"),
    path("contribuer/envoyee/", views.contribution_sent, name="contribution-sent-generic"),
    path("contribuer/envoyee/<str:token>/", views.contribution_sent, name="contribution-sent"),
    path(
        "contribuer/confirmer/<str:token>/", views.contribution_confirm, name="contribution-confirm"
    ),
    path(
        "contribuer/suivi/<str:token>/",
        views_follow_up.contribution_status,
        name="contribution-status",
    ),
    path(
        "contribuer/suivi/<str:token>/corriger/",
        views_follow_up.contribution_correct,
        name="contribution-correct",
    ),
    path(
        "contribuer/suivi/<str:token>/retirer/",
        views_follow_up.contribution_withdraw,
        name="contribution-withdraw",
    ),
    path(
        "contribuer/<slug:kind>/",
        views.contribution_form,
        name="contribution-form",
    ),
    # Replaces the placeholder page of the same address: app URLs come before Wagtail's.
    path("besoin/", views.need_request, name="need-request"),
    path("besoin/envoyee/", views.need_request_sent, name="need-request-sent-generic"),
    path("besoin/envoyee/<str:token>/", views.need_request_sent, name="need-request-sent"),
    path("besoin/confirmer/<str:token>/", views.need_request_confirm, name="need-request-confirm"),
    path(
        "besoin/suivi/<str:token>/", views_follow_up.need_request_status, name="need-request-status"
    ),
]
