from django.core.paginator import Paginator

from core.models import SectionIndexPage


class ThemeIndexPage(SectionIndexPage):
    """/thematiques/: every thématique d'inspiration, the latest month first."""

    empty_message = "Aucune thématique d'inspiration n'est publiée pour le moment."
    subpage_types = ["themes.ThemePage"]

    class Meta:
        verbose_name = "index des thématiques"

    def get_items(self):
        from .theme import ThemePage

        return (
            ThemePage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .order_by("-month", "-first_published_at")
        )


class ProjectIndexPage(SectionIndexPage):
    """/projets/: projets démocratiques et expériences territoriales, filterable."""

    empty_message = "Aucun projet ne correspond à ces critères."
    subpage_types = ["themes.ProjectPage"]

    class Meta:
        verbose_name = "index des projets"

    def get_items(self):
        from .project import ProjectPage

        return (
            ProjectPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        from themes.filters import ProjectFilterSet

        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        filterset = ProjectFilterSet(request.GET or None, queryset=self.get_items())
        paginator = Paginator(filterset.qs, self.items_per_page)
        context.update(
            filterset=filterset,
            items=paginator.get_page(request.GET.get("page")),
            empty_message=self.empty_message,
        )
        return context
