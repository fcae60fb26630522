"""Public URLs of the votes, mounted at the site root before Wagtail's pages.

/votes/ itself is the VoteIndexPage (Wagtail); each campaign lives under it.
"""

from django.urls import path

from . import exports, views

app_name = "votes"

urlpatterns = [
    path("votes/<slug:slug>/", views.campaign_results, name="results"),
    path("votes/<slug:slug>/bulletin/", views.ballot, name="ballot"),
    path("votes/<slug:slug>/bulletin/retirer/", views.ballot_withdrawal, name="withdraw"),
    path("votes/<slug:slug>/proposer/", views.propose, name="propose"),
    path("votes/<slug:slug>/resultats.csv", exports.results_csv, name="results-csv"),
    path("votes/<slug:slug>/resultats.json", exports.results_json, name="results-json"),
    path("votes/<slug:slug>/resultats.xlsx", exports.results_xlsx, name="results-xlsx"),
    path(
        "votes/<slug:slug>/representativite.csv",
        exports.representativeness_csv,
        name="representativeness-csv",
    ),
]
