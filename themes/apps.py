from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemesConfig(AppConfig):
    """Thématiques d'inspiration, concepts du mois and inspiring projects."""

    name = "themes"
    verbose_name = _("Thématiques et projets")
