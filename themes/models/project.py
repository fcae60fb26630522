from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from core.models import SectionIndexPage
from core.page_bases import EditorialPage, LocatedMixin
from themes.hooks import PROJECT_INDEX_LISTING_HOOK

from .theme import ThemePage


class ProjectPage(LocatedMixin, EditorialPage):
    """A projet démocratique or expérience territoriale told to inspire others:
    what a collectivité or association did, where, and where to learn more."""

    territory = models.CharField(
        "collectivité ou territoire",
        max_length=200,
        blank=True,
        help_text="Par exemple « Ville de Rezé » ou « Val-de-Marne ».",
    )
    themes = ParentalManyToManyField(
        "themes.ThemePage", verbose_name="thématiques", blank=True, related_name="projects"
    )
    tags = ClusterTaggableManager(
        verbose_name="mots-clés", through="themes.ProjectPageTag", blank=True
    )
    external_url = models.URLField("lien « En savoir plus »", max_length=500, blank=True)
    external_label = models.CharField(
        "libellé du lien", max_length=80, default="En savoir plus", blank=True
    )
    # Set when the project came in through the contribution form.
    contributed_by = models.CharField(
        "proposé par",
        max_length=250,
        blank=True,
        help_text="Personne ou organisation à créditer, pour un projet proposé par un contributeur.",
    )

    content_panels = [
        *EditorialPage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldPanel("territory"),
                LocatedMixin.location_panel,
            ],
            heading="Territoire",
        ),
        *EditorialPage.content_panels[2:],
        FieldRowPanel([FieldPanel("external_url"), FieldPanel("external_label")]),
        FieldPanel("themes"),
        FieldPanel("tags"),
        FieldPanel("contributed_by"),
    ]
    search_fields = [
        *EditorialPage.search_fields,
        index.SearchField("territory", boost=2),
        index.FilterField("region"),
    ]
    parent_page_types = ["themes.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "projet démocratique ou expérience territoriale"
        verbose_name_plural = "projets et expériences territoriales"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # By ids: in a preview the page's themes are held in memory, not yet a query.
        theme_ids = [theme.pk for theme in self.themes.all()]
        context["themes"] = (
            ThemePage.objects.live().public().filter(pk__in=theme_ids).order_by("-month")
        )
        context["tags"] = self.tags.all()
        return context

    @property
    def place(self) -> str:
        """« Ville de Rezé, Loire-Atlantique » — what the cards show under the title."""
        parts = [self.territory, self.departement_name]
        if not self.departement:
            parts.append(self.get_region_display())
        return ", ".join(dict.fromkeys(part for part in parts if part))


class ProjectPageTag(TaggedItemBase):
    content_object = ParentalKey(ProjectPage, related_name="tagged_items", on_delete=models.CASCADE)


class ProjectIndexPage(SectionIndexPage):
    """/projets/: projets démocratiques et expériences territoriales, filterable."""

    empty_message = "Aucun projet ne correspond à ces critères."
    subpage_types = ["themes.ProjectPage"]

    class Meta:
        verbose_name = "index des projets"

    def get_items(self):
        return (
            ProjectPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        # The filter form and its page of results, from themes.selectors.
        for listing in hooks.get_hooks(PROJECT_INDEX_LISTING_HOOK):
            context.update(listing(index=self, request=request))
        context["empty_message"] = self.empty_message
        return context
