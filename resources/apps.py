from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """The resource library: guides, outils, jeux, MOOC, enquêtes, tribunes…"""

    name = "resources"
    verbose_name = _("Ressources")
