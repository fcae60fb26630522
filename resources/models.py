from django.utils.translation import gettext_lazy as _

from territoires.core.models import SectionIndexPage


class ResourceIndexPage(SectionIndexPage):
    """/ressources/: the library of resources on participation and cooperation."""

    empty_message = _("Aucune ressource n'est publiée pour le moment.")

    class Meta:
        verbose_name = _("bibliothèque de ressources")
