from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from territoires.core.models import SectionIndexPage


class NewsletterPage(SectionIndexPage):
    """/newsletter/: what the newsletter is, how to subscribe, and its archive."""

    call_to_action = models.CharField(
        _("appel à s'abonner (page d'accueil)"),
        max_length=250,
        blank=True,
        help_text=_("Phrase affichée sur la page d'accueil pour inviter à s'abonner."),
    )

    content_panels = [*SectionIndexPage.content_panels, FieldPanel("call_to_action")]
    empty_message = _("Aucune lettre n'a encore été envoyée.")

    class Meta:
        verbose_name = _("page de la newsletter")
