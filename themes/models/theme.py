from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel

from core.models import SiteSettings
from core.page_bases import EditorialPage

from .base import MonthMixin


class ThemePage(MonthMixin, EditorialPage):
    """A thématique d'inspiration: a month's selection of resources and projects
    around one public-policy question (« Retour à l'emploi », « Petite enfance »)."""

    intro_resource = models.ForeignKey(
        "resources.Resource",
        verbose_name="ressource « En introduction… »",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Une enquête ou une tribune pour entrer dans la thématique.",
    )

    content_panels = [
        *EditorialPage.content_panels[:2],
        FieldPanel("month"),
        *EditorialPage.content_panels[2:],
        FieldPanel("intro_resource"),
    ]
    parent_page_types = ["themes.ThemeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "thématique d'inspiration"
        verbose_name_plural = "thématiques d'inspiration"

    def get_context(self, request, *args, **kwargs):
        from themes.selectors import theme_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(theme_page_context(self))
        need_page = SiteSettings.load(request_or_site=request).need_page
        # The request form at /besoin/ unless the editors point the call at a page of theirs.
        context["need_url"] = (
            need_page.get_url(request) if need_page and need_page.live else reverse("need-request")
        )
        return context
