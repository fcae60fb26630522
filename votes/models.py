from django.utils.translation import gettext_lazy as _

from territoires.core.models import SectionIndexPage


class VoteIndexPage(SectionIndexPage):
    """/votes/: the campaigns on the themes of the projets partagés and their tallies."""

    empty_message = _("Aucune campagne de vote n'est ouverte pour le moment.")

    class Meta:
        verbose_name = _("page des votes")
