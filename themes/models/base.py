"""What theme, concept and project pages share: intro, body, image, SEO and sharing."""

import datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from territoires.core.blocks import COMMON_BLOCKS


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


class EditorialPage(Page):
    """Abstract base of the editorial pages: a chapeau, a body in blocks, an image."""

    intro = models.TextField(
        _("chapeau"), help_text=_("Deux ou trois phrases, sans mise en forme.")
    )
    body = StreamField(COMMON_BLOCKS, verbose_name=_("contenu"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_("Ce que l'image apporte au lecteur. Laisser vide si elle est décorative."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    @property
    def description(self) -> str:
        """For SEO and Open Graph: the editor's description, else the chapeau."""
        return self.search_description or self.intro


class MonthMixin(models.Model):
    """A page featured for one month (the day is ignored)."""

    month = models.DateField(
        _("mois de mise en avant"),
        help_text=_("Choisissez n'importe quel jour du mois : seul le mois compte."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.month:
            self.month = first_of_month(self.month)
        super().save(*args, **kwargs)

    @property
    def month_label(self) -> str:
        """« novembre 2021 »."""
        return date_format(self.month, "F Y") if self.month else ""

    def full_clean(self, *args, **kwargs):
        if self.month:
            self.month = first_of_month(self.month)
        super().full_clean(*args, **kwargs)
