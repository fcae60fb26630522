from django.utils.translation import gettext_lazy as _

from territoires.core.models import SectionIndexPage


class EventIndexPage(SectionIndexPage):
    """/agenda/: « À vos agendas ! », the partners' upcoming events."""

    empty_message = _("Aucun événement n'est annoncé pour le moment.")

    class Meta:
        verbose_name = _("agenda")
