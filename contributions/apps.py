from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    """What visitors send in: proposed resources, events and projects, and requests to the ANCT."""

    name = "contributions"
    label = "contributions"
    verbose_name = "Contributions et demandes"
