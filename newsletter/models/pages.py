"""The newsletter's pages: /newsletter/, its archive and each issue."""

import datetime

from django.db import models
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.models import SectionIndexPage

from ..blocks import ISSUE_BLOCKS

LATEST_ISSUES_SHOWN = 3
# The e-mail previews, drawn by a template tag (rendering is not the models' business).
EMAIL_PREVIEWS = {
    "email": ("newsletter/email/preview.html", "text/html; charset=utf-8"),
    "texte": ("newsletter/email/preview.txt", "text/plain; charset=utf-8"),
}


class IssueQuerySet(PageQuerySet):
    def published(self):
        """Issues in the public archive, the latest month first, with when they were sent
        (``sent_at``; their first publication for an issue published without sending)."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .annotate(sent_at=Coalesce("dispatch__started_at", "first_published_at"))
            .order_by("-month", "-pk")
        )


class NewsletterPage(SectionIndexPage):
    """/newsletter/: what the newsletter is, the sign-up form and the latest issues."""

    call_to_action = models.CharField(
        "appel à s'abonner (page d'accueil)",
        max_length=250,
        blank=True,
        help_text="Phrase affichée sur la page d'accueil pour inviter à s'abonner.",
    )

    content_panels = [*SectionIndexPage.content_panels, FieldPanel("call_to_action")]
    subpage_types = ["newsletter.NewsletterArchivePage"]
    empty_message = "Aucune lettre n'a encore été envoyée."

    class Meta:
        verbose_name = "page de la newsletter"

    def get_context(self, request, *args, **kwargs):
        # The sign-up form comes from the {% newsletter_signup_form %} template tag.
        context = Page.get_context(self, request, *args, **kwargs)
        context.update(
            latest_issues=NewsletterIssuePage.objects.published()[:LATEST_ISSUES_SHOWN],
            archive=NewsletterArchivePage.objects.live().first(),
            empty_message=self.empty_message,
        )
        return context


class NewsletterArchivePage(SectionIndexPage):
    """/newsletter/archives/: every issue sent, the latest first, and their RSS feed."""

    parent_page_types = ["newsletter.NewsletterPage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    empty_message = "Aucune lettre n'a encore été envoyée."

    class Meta:
        verbose_name = "archives de la newsletter"

    def get_items(self):
        return NewsletterIssuePage.objects.published().child_of(self)


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


class NewsletterIssuePage(Page):
    """One monthly issue of the newsletter.

    Assembled as a draft from what the site published that month, edited here
    (each section is a block), previewed as e-mail and as web page, then sent:
    sending publishes it in the archive, so « Voir cette newsletter dans votre
    navigateur » leads to the same content. What happens to the sending lives in
    ``Dispatch``, outside the page's revisions.
    """

    month = models.DateField(
        "mois",
        unique=True,
        help_text="Le mois de la lettre : seul le mois compte.",
        error_messages={"unique": "Une lettre existe déjà pour ce mois."},
    )
    preheader = models.CharField(
        "phrase d'accroche",
        max_length=200,
        blank=True,
        help_text=(
            "Affichée par les messageries à côté de l'objet. Par exemple « Ce mois-ci : "
            "retour à l'emploi, le concept de qualité de la participation… »."
        ),
    )
    body = StreamField(ISSUE_BLOCKS, verbose_name="rubriques", blank=True)

    content_panels = [
        # What to check before sending (a month without a theme of its own, an issue
        # dated after today…), read by a template tag: models read no selectors.
        HelpPanel(template="newsletter/admin/issue_checks.html"),
        FieldPanel("title", help_text="C'est aussi l'objet de l'e-mail."),
        FieldPanel("month"),
        FieldPanel("preheader"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["newsletter.NewsletterArchivePage"]
    subpage_types = []
    preview_modes = [
        ("", "Page web"),
        ("email", "E-mail"),
        ("texte", "E-mail, version texte"),
    ]
    default_preview_mode = ""

    objects = PageManager.from_queryset(IssueQuerySet)()

    class Meta:
        verbose_name = "lettre"
        verbose_name_plural = "lettres"

    def __str__(self):
        return self.title

    @property
    def month_label(self) -> str:
        """« Décembre 2021 »."""
        return date_format(self.month, "F Y").capitalize() if self.month else ""

    def clean(self):
        super().clean()
        if self.month:
            self.month = first_of_month(self.month)

    def save(self, *args, **kwargs):
        if self.month:
            self.month = first_of_month(self.month)
        super().save(*args, **kwargs)

    def sent_snapshot(self) -> dict | None:
        """What the issue showed when it was sent (the vote's tallies…); None while it
        has not been sent, and the sections then show what the site shows now."""
        dispatch = getattr(self, "dispatch", None)  # the reverse one-to-one, if any
        return dispatch.sent_snapshot if dispatch is not None else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issue_snapshot"] = self.sent_snapshot()
        return context

    def serve_preview(self, request, mode_name):
        if mode_name in EMAIL_PREVIEWS:
            template, content_type = EMAIL_PREVIEWS[mode_name]
            return TemplateResponse(request, template, {"issue": self}, content_type=content_type)
        return super().serve_preview(request, mode_name)
