from django.apps import AppConfig


class EventsConfig(AppConfig):
    """The partners' agenda and the contributions sent by partners and collectivités."""

    name = "events"
    verbose_name = "Agenda"
