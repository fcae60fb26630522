from django.utils.translation import gettext_lazy as _

from territoires.core.models import SectionIndexPage


class ThemeIndexPage(SectionIndexPage):
    """/thematiques/: every thématique d'inspiration, the latest first."""

    empty_message = _("Aucune thématique d'inspiration n'est publiée pour le moment.")

    class Meta:
        verbose_name = _("index des thématiques")


class ProjectIndexPage(SectionIndexPage):
    """/projets/: projets démocratiques et expériences territoriales."""

    empty_message = _("Aucun projet n'est publié pour le moment.")

    class Meta:
        verbose_name = _("index des projets")
