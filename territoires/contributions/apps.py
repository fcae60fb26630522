from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    """What visitors send in: proposed resources, events and projects, and requests to the ANCT."""

    name = "territoires.contributions"
    label = "contributions"
    verbose_name = _("Contributions et demandes")
