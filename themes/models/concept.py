from django.db.models.functions import ExtractYear
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.blocks import LinkBlock
from core.models import SectionIndexPage
from core.page_bases import EditorialPage

from .base import MonthMixin


class ConceptPage(MonthMixin, EditorialPage):
    """Le concept du mois: a short essay on one idea of participation (« Le récit »,
    « Qualité de la participation »), with links « Pour aller plus loin »."""

    further_reading = StreamField(
        [("link", LinkBlock())], verbose_name="pour aller plus loin", blank=True
    )
    related_themes = ParentalManyToManyField(
        "themes.ThemePage", verbose_name="thématiques liées", blank=True, related_name="concepts"
    )

    content_panels = [
        *EditorialPage.content_panels[:2],
        FieldPanel("month"),
        *EditorialPage.content_panels[2:],
        FieldPanel("further_reading"),
        FieldPanel("related_themes"),
    ]
    parent_page_types = ["themes.ConceptIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "concept du mois"
        verbose_name_plural = "concepts du mois"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_themes"] = self.related_themes.live().public().order_by("-month")
        return context


class ConceptIndexPage(SectionIndexPage):
    """/concepts/: every concept du mois, by month."""

    empty_message = "Aucun concept n'est publié pour le moment."
    subpage_types = ["themes.ConceptPage"]

    class Meta:
        verbose_name = "index des concepts"

    def get_items(self):
        return (
            ConceptPage.objects.child_of(self)
            .live()
            .public()
            .annotate(year=ExtractYear("month"))
            .order_by("-month", "-first_published_at")
        )
