"""Public URLs of this app, mounted at the site root before Wagtail's pages."""

from django.urls import path

from . import views
from .feeds import IssuesFeed

app_name = "newsletter"

urlpatterns = [
    path("newsletter/inscription/", views.signup, name="signup"),
    path("newsletter/inscription/envoyee/", views.signup_sent, name="signup-sent"),
    path("newsletter/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("newsletter/preferences/<str:token>/", views.preferences, name="preferences"),
    path(
        "newsletter/preferences/<str:token>/mes-donnees.json",
        views.data_export,
        name="data-export",
    ),
    path("newsletter/preferences/<str:token>/supprimer/", views.data_delete, name="data-delete"),
    path("newsletter/desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # An expired preferences link asks for a fresh one here: the token in the body.
    path("newsletter/nouveau-lien/", views.fresh_link, name="fresh-link"),
    path("newsletter/nouveau-lien/envoye/", views.fresh_link_sent, name="fresh-link-sent"),
    path("newsletter/archives/flux.rss", IssuesFeed(), name="feed"),
]
