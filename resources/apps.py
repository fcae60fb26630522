from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The resource library: guides, outils, jeux, MOOC, enquêtes, tribunes…"""

    name = "resources"
    verbose_name = "Ressources"

    def ready(self):
        from . import signals

        signals.connect()
