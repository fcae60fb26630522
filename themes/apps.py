from django.apps import AppConfig


class ThemesConfig(AppConfig):
    """Thématiques d'inspiration, concepts du mois and inspiring projects."""

    name = "themes"
    verbose_name = "Thématiques et projets"
