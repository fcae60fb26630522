from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotesConfig(AppConfig):
    """Votes of the collectivités on the themes of the ANCT projets partagés."""

    name = "votes"
    verbose_name = _("Votes")

    def ready(self):
        from . import signals

        signals.connect()
