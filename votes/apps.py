from django.apps import AppConfig


class VotesConfig(AppConfig):
    """Votes of the collectivités on the themes of the ANCT projets partagés."""

    name = "votes"
    verbose_name = "Votes"

    def ready(self):
        from . import signals

        signals.connect()
