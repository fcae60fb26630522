"""The resource library: what partners and the ANCT publish for collectivités."""

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from core.models import SectionIndexPage
from core.slugs import slug_available

from .hooks import LIBRARY_PAGE_LISTING_HOOK
from .search import refresh_search_vector, set_search_fields


class ResourceKind(models.TextChoices):
    GUIDE = "guide", "Guide"
    TOOL = "outil", "Outil"
    METHOD_SHEET = "fiche-methode", "Fiche méthode"
    GAME = "jeu", "Jeu"
    MOOC = "mooc", "MOOC"
    CONFERENCE = "conference", "Conférence / webinaire"
    SURVEY = "enquete", "Enquête / étude"
    OPINION = "tribune", "Tribune"
    ARTICLE = "article", "Article"
    TOOLBOX = "boite-a-outils", "Boîte à outils"
    NOTE = "note", "Note"


class Language(models.TextChoices):
    FRENCH = "fr", "Français"
    ENGLISH = "en", "Anglais"
    SPANISH = "es", "Espagnol"
    GERMAN = "de", "Allemand"
    ITALIAN = "it", "Italien"
    OTHER = "autre", "Autre langue"


DEFAULT_AUDIENCES = [
    ("elus", "Élus"),
    ("agents", "Agents des collectivités"),
    ("associations", "Associations"),
    ("habitants", "Habitants"),
]


class AudienceQuerySet(models.QuerySet):
    def ensure_defaults(self) -> None:
        """The four audiences of the library; migration 0004 creates them too."""
        for order, (slug, name) in enumerate(DEFAULT_AUDIENCES):
            self.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Audience(models.Model):
    """Who a resource is written for: élus, agents, associations, habitants."""

    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("nom", max_length=100)
    sort_order = models.PositiveSmallIntegerField("ordre", default=0)

    objects = AudienceQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "public"
        verbose_name_plural = "publics"

    def __str__(self):
        return self.name


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)


class Resource(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A guide, tool, game, MOOC, survey or opinion piece recommended to collectivités.

    Either links to the publisher's site or carries an uploaded document.
    """

    title = models.CharField("titre", max_length=255)
    slug = models.SlugField("adresse", max_length=255, unique=True, blank=True)
    kind = models.CharField("type", max_length=20, choices=ResourceKind.choices)
    summary = models.TextField("résumé")
    url = models.URLField("lien vers la ressource", max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publisher = models.ForeignKey(
        "core.Partner",
        verbose_name="éditeur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    themes = ParentalManyToManyField(
        "themes.ThemePage", verbose_name="thématiques", blank=True, related_name="resources"
    )
    tags = ClusterTaggableManager(
        verbose_name="mots-clés", through="resources.TaggedResource", blank=True
    )
    audiences = ParentalManyToManyField(
        Audience, verbose_name="publics", blank=True, related_name="resources"
    )
    language = models.CharField(
        "langue", max_length=5, choices=Language.choices, default=Language.FRENCH
    )
    published_on = models.DateField("date de publication")
    licence = models.CharField("licence", max_length=150, blank=True)
    # Set when the resource came in through the contribution form.
    contributed_by = models.CharField(
        "proposé par",
        max_length=250,
        blank=True,
        help_text="Personne ou organisation à créditer, pour une ressource proposée par un contributeur.",
    )

    # Filled on save for search: see resources.search.
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    search_extra = models.TextField(editable=False, default="")
    # The analysed stems (core.analyser) both databases index.
    index_title = models.TextField(editable=False, default="")
    index_summary = models.TextField(editable=False, default="")
    index_extra = models.TextField(editable=False, default="")
    search_vector = SearchVectorField(null=True, editable=False)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="resource")

    objects = ResourceQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("published_on")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("document")],
            heading="Accès à la ressource (lien et/ou document)",
        ),
        FieldPanel("publisher"),
        FieldPanel("themes"),
        FieldPanel("audiences"),
        FieldPanel("tags"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("licence")]),
        FieldPanel("contributed_by"),
        FieldPanel("slug"),
    ]

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("publisher"),
        index.FilterField("published_on"),
    ]

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = "ressource"
        verbose_name_plural = "ressources"

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if not self.url and not self.document_id:
            raise ValidationError(
                {"url": "Indiquez un lien vers la ressource ou joignez un document."}
            )

    def save(self, *args, **kwargs):
        # However the resource is saved (admin form, revision published later, service),
        # it gets an address and the columns the library search reads.
        if not self.slug:
            self.slug = slug_available(
                siblings=Resource.objects.exclude(pk=self.pk), text=self.title, fallback="ressource"
            )
        set_search_fields(self)
        super().save(*args, **kwargs)
        refresh_search_vector(Resource.objects.filter(pk=self.pk))

    def get_absolute_url(self) -> str:
        return reverse("resource-detail", kwargs={"slug": self.slug})

    @property
    def link(self) -> str:
        """Where « Accéder à la ressource » leads: the document, else the external page."""
        return self.document.url if self.document else self.url


class SearchTerm(models.Model):
    """A folded word of the resources and of the pages the site search covers: the
    vocabulary « Vouliez-vous dire » suggests from (pg_trgm on PostgreSQL, difflib on
    SQLite), filled by resources.vocabulary."""

    word = models.CharField(max_length=40, unique=True)
    frequency = models.PositiveIntegerField(default=1)
    # A word of some resource: the library suggests only these, which find something there.
    in_library = models.BooleanField(default=True)

    class Meta:
        verbose_name = "mot de la recherche"
        verbose_name_plural = "mots de la recherche"

    def __str__(self):
        return self.word


class TaggedResource(TaggedItemBase):
    content_object = ParentalKey(Resource, related_name="tagged_items", on_delete=models.CASCADE)


class ResourceIndexPage(SectionIndexPage):
    """/ressources/: the library of resources on participation and cooperation.

    Each resource's own page is served at /ressources/<slug>/ by resources.views.
    """

    empty_message = "Aucune ressource ne correspond à votre recherche."

    class Meta:
        verbose_name = "bibliothèque de ressources"

    def get_context(self, request, *args, **kwargs):
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        # Search, facets and results, from resources.selectors.
        for listing in hooks.get_hooks(LIBRARY_PAGE_LISTING_HOOK):
            context.update(listing(request=request))
        context["empty_message"] = self.empty_message
        return context
