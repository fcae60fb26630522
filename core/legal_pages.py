"""The pages a French public service must publish, with the facts the law asks for
held in fields rather than in free text: the accessibility statement (RGAA) and
the legal notices."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import COMMON_BLOCKS

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]

RECOURSE_DEFAULT = (
    "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un "
    "contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous "
    "pouvez :</p><ul>"
    '<li>écrire un message au <a href="https://formulaire.defenseurdesdroits.fr/">Défenseur '
    "des droits</a> ;</li>"
    '<li>contacter <a href="https://www.defenseurdesdroits.fr/saisir/delegues">le délégué du '
    "Défenseur des droits dans votre région</a> ;</li>"
    "<li>appeler le 09 69 39 00 00 ;</li>"
    "<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des "
    "droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li></ul>"
)


class AccessibilityStatus(models.TextChoices):
    NONE = "non", "non conforme"
    PARTIAL = "partiellement", "partiellement conforme"
    FULL = "totalement", "totalement conforme"


def lines(text: str) -> list[str]:
    """A field written one item a line, as a list."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class AccessibilityStatementPage(Page):
    """The déclaration d'accessibilité (article 47 of law 2005-102, RGAA 4.1): its
    status is the one the footer of every page states."""

    entity = models.CharField(
        "entité responsable",
        max_length=200,
        default="Agence nationale de la cohésion des territoires",
    )
    status = models.CharField(
        "état de conformité",
        max_length=20,
        choices=AccessibilityStatus.choices,
        # Without an audit, the RGAA status to declare is « non conforme ».
        default=AccessibilityStatus.NONE,
    )
    compliance_rate = models.DecimalField(
        "taux de conformité (%)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Part des critères RGAA respectés lors du dernier audit. Vide sans audit.",
    )
    evaluated_on = models.DateField("date de l'évaluation", null=True, blank=True)
    established_on = models.DateField("date de la déclaration")
    evaluation_method = models.TextField(
        "méthode et auteur de l'évaluation",
        help_text="Qui a évalué, comment (audit, vérifications automatisées…), sur quel référentiel.",
    )
    non_conformities = RichTextField("contenus non conformes", features=TEXT_FEATURES, blank=True)
    derogations = RichTextField(
        "dérogations pour charge disproportionnée", features=TEXT_FEATURES, blank=True
    )
    exemptions = RichTextField(
        "contenus non soumis à l'obligation d'accessibilité", features=TEXT_FEATURES, blank=True
    )
    technologies = models.CharField(
        "technologies utilisées", max_length=250, default="HTML5, CSS, JavaScript, SVG"
    )
    test_environment = models.TextField(
        "environnement de test",
        help_text="Un navigateur ou une technologie d'assistance par ligne.",
    )
    tools = models.TextField("outils d'évaluation", blank=True, help_text="Un outil par ligne.")
    audited_pages = models.TextField(
        "pages évaluées", help_text="Une page par ligne : « Titre — /adresse/ »."
    )
    contact_email = models.EmailField("adresse de contact")
    contact_address = models.TextField("adresse postale", blank=True)
    recourse = RichTextField("voies de recours", features=TEXT_FEATURES, default=RECOURSE_DEFAULT)
    multi_year_plan = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="schéma pluriannuel de mise en accessibilité",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("entity"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("compliance_rate")]),
                FieldRowPanel([FieldPanel("evaluated_on"), FieldPanel("established_on")]),
                FieldPanel("evaluation_method"),
            ],
            heading="État de conformité",
        ),
        MultiFieldPanel(
            [FieldPanel("non_conformities"), FieldPanel("derogations"), FieldPanel("exemptions")],
            heading="Contenus non accessibles",
        ),
        MultiFieldPanel(
            [
                FieldPanel("technologies"),
                FieldPanel("test_environment"),
                FieldPanel("tools"),
                FieldPanel("audited_pages"),
            ],
            heading="Établissement de la déclaration",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_address"), FieldPanel("recourse")],
            heading="Contact et recours",
        ),
        FieldPanel("multi_year_plan"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("non_conformities")]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "déclaration d'accessibilité"

    def clean(self):
        super().clean()
        errors = {}
        if self.status != AccessibilityStatus.NONE and self.compliance_rate is None:
            errors["compliance_rate"] = (
                "Indiquez le taux de conformité mesuré par l'audit : sans audit, le site est "
                "« non conforme »."
            )
        if self.compliance_rate is not None and self.evaluated_on is None:
            errors["evaluated_on"] = "Indiquez la date de l'évaluation qui a mesuré ce taux."
        if self.status == AccessibilityStatus.FULL and self.compliance_rate not in (None, 100):
            errors["status"] = "Un site « totalement conforme » respecte 100 % des critères."
        if errors:
            raise ValidationError(errors)

    @property
    def status_label(self) -> str:
        return self.get_status_display()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["environment"] = lines(self.test_environment)
        context["tools_list"] = lines(self.tools)
        context["pages"] = lines(self.audited_pages)
        return context


class LegalNoticePage(Page):
    """The mentions légales: the publisher and the licence written by the editors, the
    publication director and the host (hébergeur) from the settings of the deployment,
    which knows them (``LEGAL_PUBLICATION_DIRECTOR``, ``LEGAL_HOST_*``)."""

    intro = models.TextField("chapeau", blank=True)
    body = StreamField(COMMON_BLOCKS, verbose_name="contenu", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["core.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = "mentions légales"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["publication_director"] = settings.LEGAL_PUBLICATION_DIRECTOR
        context["host"] = {
            "name": settings.LEGAL_HOST_NAME,
            "address": settings.LEGAL_HOST_ADDRESS,
            "contact": settings.LEGAL_HOST_CONTACT,
        }
        return context
