"""Pages and settings that belong to the site as a whole."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .auth_models import RateCounter, RecoveryCode  # noqa: F401  (models of this app)
from .blocks import COMMON_BLOCKS
from .home import home_sections
from .legal_pages import (  # noqa: F401  (page types of this app)
    AccessibilityStatementPage,
    AccessibilityStatus,
    LegalNoticePage,
)


class Partner(models.Model):
    """An organisation that runs the platform or publishes on it.

    The founding partners (ANCT, Banque des Territoires, Décider ensemble, ICPC)
    are named in the header and footer of every page.
    """

    name = models.CharField("nom court", max_length=100, unique=True)
    full_name = models.CharField("nom complet", max_length=250, blank=True)
    website = models.URLField("site web", blank=True)
    is_founder = models.BooleanField(
        "partenaire fondateur",
        default=False,
        help_text="Les partenaires fondateurs sont cités dans l'en-tête et le pied de page.",
    )
    sort_order = models.PositiveSmallIntegerField("ordre d'affichage", default=0)
    # The partners' logos are their trademarks: the site shows each partner as a text
    # block until an editor uploads the logo it is allowed to use.
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        "texte alternatif du logo",
        max_length=250,
        blank=True,
        help_text="Le nom du partenaire tel que le logo l'écrit ; vide, le nom complet.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("full_name"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("logo_alt"),
        FieldPanel("is_founder"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "partenaire"
        verbose_name_plural = "partenaires"

    def __str__(self):
        return self.name

    @property
    def logo_text(self) -> str:
        """What the logo says to a reader who cannot see it."""
        return self.logo_alt or self.full_name or self.name


def page_setting(verbose_name, **kwargs) -> models.ForeignKey:
    """A site setting that points at a page; emptied if the page is deleted."""
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **kwargs,
    )


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """Footer facts that the law requires on every page of a public service."""

    # The footer's conformity status is the statement's (AccessibilityStatementPage).
    accessibility_page = page_setting("page Accessibilité")
    legal_notice_page = page_setting("page Mentions légales")
    personal_data_page = page_setting("page Données personnelles")
    cookies_page = page_setting("page Gestion des cookies")
    need_page = page_setting(
        "page « Préciser mon besoin »",
        help_text="Où mène l'appel « Je suis une collectivité, je souhaite préciser mon besoin ».",
    )
    licence_name = models.CharField(
        "licence des contenus", max_length=200, default="Creative Commons BY-SA 4.0"
    )
    licence_url = models.URLField(
        "adresse de la licence",
        default="https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    )
    contact_email = models.EmailField("adresse de contact", blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("legal_notice_page"),
                FieldPanel("personal_data_page"),
                FieldPanel("cookies_page"),
            ],
            heading="Pages obligatoires",
        ),
        FieldPanel("need_page"),
        MultiFieldPanel(
            [FieldPanel("licence_name"), FieldPanel("licence_url"), FieldPanel("contact_email")],
            heading="Licence et contact",
        ),
    ]

    class Meta:
        verbose_name = "réglages du site"


class HomePage(Page):
    """The front page: what is new this month across every part of the platform."""

    intro = RichTextField("introduction", features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(request=request, home_page=self)
        return context


class ContentPage(Page):
    """A plain editorial page: legal notices, accessibility statement, about…"""

    intro = models.TextField("chapeau", blank=True)
    body = StreamField(COMMON_BLOCKS, verbose_name="contenu", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["core.HomePage", "core.ContentPage"]

    class Meta:
        verbose_name = "page de contenu"


class SectionIndexPage(Page):
    """Base of the landing page of each part of the site (Thématiques, Agenda…).

    Lists its published children; each app says what its children are and what
    to say while there is none yet.
    """

    intro = RichTextField("introduction", features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    max_count = 1
    items_per_page = 12
    empty_message = "Aucun contenu n'est publié pour le moment."

    class Meta:
        abstract = True

    def get_items(self):
        """The pages listed, newest first; sections with typed children override it."""
        return self.get_children().live().public().specific().order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_items(), self.items_per_page)
        context["items"] = paginator.get_page(request.GET.get("page"))
        context["empty_message"] = self.empty_message
        return context


class AutosavedDraft(models.Model):
    """A page that Wagtail's autosave created while its author was still writing it, and
    that nobody has saved or published yet: abandoned, it must block no other page."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="page"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="auteur",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)

    class Meta:
        verbose_name = "brouillon enregistré automatiquement"
        verbose_name_plural = "brouillons enregistrés automatiquement"

    def __str__(self):
        return f"Brouillon automatique de la page {self.page_id}"
