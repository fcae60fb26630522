"""Public URLs of this app, mounted at the site root before Wagtail's pages."""

from django.urls import path

from . import registration_views, views
from .feeds import NewEventsAtomFeed, NewEventsFeed

urlpatterns = [
    path("agenda.ics", views.agenda_ics, name="agenda-ics"),
    path("agenda/<slug:slug>.ics", views.event_ics, name="event-ics"),
    path(
        "agenda/<slug:slug>/inscription/",
        views.event_registration,
        name="event-registration",
    ),
    path(
        "agenda/inscriptions/annuler/<str:token>/",
        registration_views.registration_cancel,
        name="event-registration-cancel",
    ),
    path("agenda/flux.rss", NewEventsFeed(), name="event-feed-rss"),
    path("agenda/flux.atom", NewEventsAtomFeed(), name="event-feed-atom"),
]
