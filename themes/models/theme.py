from django.db import models
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel

from core.models import SectionIndexPage, SiteSettings
from core.page_bases import EditorialPage
from themes.hooks import THEME_PAGE_SECTION_HOOK

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
        context = super().get_context(request, *args, **kwargs)
        # Its resources, projects and concepts: each app registers the section it lists.
        for section in hooks.get_hooks(THEME_PAGE_SECTION_HOOK):
            context.update(section(theme=self))
        need_page = SiteSettings.load(request_or_site=request).need_page
        # The request form at /besoin/ unless the editors point the call at a page of theirs.
        context["need_url"] = (
            need_page.get_url(request) if need_page and need_page.live else reverse("need-request")
        )
        return context


class ThemeIndexPage(SectionIndexPage):
    """/thematiques/: every thématique d'inspiration, the latest month first."""

    empty_message = "Aucune thématique d'inspiration n'est publiée pour le moment."
    subpage_types = ["themes.ThemePage"]

    class Meta:
        verbose_name = "index des thématiques"

    def get_items(self):
        return (
            ThemePage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .order_by("-month", "-first_published_at")
        )
