"""Abstract bases that pages of several apps share: an image with its text
alternative, a place in France, and the editorial page built on them."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import COMMON_BLOCKS
from .geography import DEPARTEMENT_CHOICES, REGION_CHOICES, region_of
from .slugs import slug_corrected


class ImageMixin(models.Model):
    """An illustration and what it brings to a reader who cannot see it."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        "texte alternatif de l'image",
        max_length=250,
        blank=True,
        help_text="Ce que l'image apporte au lecteur.",
    )

    image_panel = MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Image")

    class Meta:
        abstract = True

    def image_alt_errors(self) -> dict[str, str]:
        """For pages whose image carries information (an event's poster): it needs a text."""
        if self.image_id and not self.image_alt.strip():
            return {
                "image_alt": "Décrivez l'image : le texte alternatif est obligatoire avec une image."
            }
        return {}


class LocatedMixin(models.Model):
    """A département and its région; the région follows the département when there is one."""

    departement = models.CharField(
        "département", max_length=3, choices=DEPARTEMENT_CHOICES, blank=True
    )
    region = models.CharField(
        "région",
        max_length=2,
        choices=REGION_CHOICES,
        blank=True,
        help_text="Déduite du département quand il est indiqué.",
    )

    location_panel = FieldRowPanel([FieldPanel("departement"), FieldPanel("region")])

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.departement:
            self.region = region_of(self.departement)
        super().save(*args, **kwargs)

    @property
    def departement_name(self) -> str:
        """« Loire-Atlantique », without the code the choices show."""
        return self.get_departement_display().rsplit(" (", 1)[0] if self.departement else ""


class EditorialPage(ImageMixin, Page):
    """Abstract base of the editorial pages (themes, concepts, projects, shared
    projects): a chapeau, a body in blocks, an image."""

    intro = models.TextField("chapeau", help_text="Deux ou trois phrases, sans mise en forme.")
    body = StreamField(COMMON_BLOCKS, verbose_name="contenu", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        ImageMixin.image_panel,
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # A new page whose slug the admin derived from a title with apostrophes: « L'aller
        # vers » → « l-aller-vers ». A published page keeps its address.
        if self.pk is None:
            self.slug = slug_corrected(slug=self.slug, title=self.title)
        super().full_clean(*args, **kwargs)

    @property
    def description(self) -> str:
        """For SEO and Open Graph: the editor's description, else the chapeau."""
        return self.search_description or self.intro
