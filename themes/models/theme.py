from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import FieldPanel

from core.models import SectionIndexPage, SiteSettings
from core.page_bases import EditorialPage
from themes.hooks import THEME_PAGE_SECTION_HOOK

from .base import MonthMixin, first_of_month

THEME_PAGE_EVENTS = 4


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
        context.update(self.upcoming_events())
        # A theme announced for a later month is still being put together: it calls
        # for contributions, the form opening with the theme already ticked.
        context["is_next_theme"] = self.month > first_of_month(timezone.localdate())
        return context

    def upcoming_events(self) -> dict:
        """The agenda's coming events on this theme, through the events' own relation
        (``EventPage.themes``, related name ``events``) and their queryset's rules:
        the themes app sits left of events and may not import it."""
        events = list(self.events.listed().upcoming()[:THEME_PAGE_EVENTS])
        agenda = events[0].get_parent().specific if events else None
        return {
            "events": events,
            "agenda_theme_url": f"{agenda.url}?theme={self.pk}" if agenda else None,
        }


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
