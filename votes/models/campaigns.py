"""Campaigns, the themes on their ballot, and the ballots of the collectivités."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .ballots import Ballot, counted_ballots_q

DEFAULT_QUESTION = "Quelle est la priorité d'action de votre territoire ?"


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    UPCOMING = "upcoming", "À venir"
    OPEN = "open", "Ouvert"
    CLOSED = "closed", "Clos"


class CampaignQuerySet(models.QuerySet):
    """The states of a campaign, derived from its dates (Europe/Paris) and its closing."""

    def published(self):
        return self.filter(is_published=True)

    def open(self, now: datetime.datetime | None = None):
        now = now or timezone.now()
        return self.published().filter(opens_at__lte=now, closes_at__gt=now, closed_at=None)

    def closed(self, now: datetime.datetime | None = None):
        now = now or timezone.now()
        return self.published().filter(Q(closes_at__lte=now) | Q(closed_at__isnull=False))

    def due_for_freezing(self, now: datetime.datetime | None = None):
        """Closed campaigns whose results have not been frozen yet."""
        return self.closed(now).filter(results_frozen_at=None)

    def with_participants(self):
        """Annotates ``participants``: the collectivités whose ballot counts now."""
        return self.annotate(participants=Count("ballots", filter=counted_ballots_q("ballots__")))

    def by_status(self, now: datetime.datetime | None = None) -> dict[str, list]:
        """The published campaigns by status, newest first (the upcoming ones soonest
        first), with their participants (frozen ones for closed campaigns)."""
        now = now or timezone.now()
        grouped = {"open": [], "upcoming": [], "closed": []}
        for campaign in self.published().with_participants().order_by("-opens_at", "-pk"):
            grouped[campaign.status_at(now)].append(campaign)
        for campaign in grouped["closed"]:
            if campaign.frozen_results:
                campaign.participants = campaign.frozen_results.get("participants", 0)
        grouped["upcoming"].sort(key=lambda campaign: campaign.opens_at)
        return grouped

    def delete(self):
        # Ballots go first: their choices protect the themes they chose.
        with transaction.atomic():
            Ballot.objects.filter(campaign__in=self).delete()
            return super().delete()


class Campaign(models.Model):
    """A vote of the collectivités on the theme of the next projet partagé of the ANCT.

    Each collectivité has one ballot; the most popular theme becomes a projet partagé.
    The campaign is open between its two dates unless staff close it earlier; once
    closed, its results are frozen (``frozen_results``) so that later changes to the
    collectivités or their representatives never alter them.
    """

    title = models.CharField("titre", max_length=200)
    slug = models.SlugField(
        "adresse",
        max_length=80,
        unique=True,
        help_text="La campagne sera publiée à l'adresse /votes/<adresse>/.",
    )
    question = models.CharField("question posée", max_length=250, default=DEFAULT_QUESTION)
    description = models.TextField("présentation", blank=True)
    opens_at = models.DateTimeField("ouverture du vote", help_text="Heure de Paris.")
    closes_at = models.DateTimeField("clôture du vote", help_text="Heure de Paris.")
    max_choices = models.PositiveSmallIntegerField(
        "nombre de thèmes par bulletin",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Combien de thèmes une collectivité peut choisir au plus.",
    )
    choices_public = models.BooleanField(
        "choix des collectivités publics",
        default=False,
        help_text=(
            "Si coché, la page des résultats liste les collectivités de chaque thème "
            "(choix figé avec les résultats à la clôture)."
        ),
    )
    accepts_proposals = models.BooleanField(
        "les collectivités peuvent proposer un thème", default=True
    )
    is_published = models.BooleanField(
        "publiée",
        default=False,
        help_text="Tant qu'elle n'est pas publiée, la campagne est un brouillon invisible.",
    )
    # Set when staff close the vote before its closing date.
    closed_at = models.DateTimeField("close le", null=True, blank=True, editable=False)
    results_frozen_at = models.DateTimeField(
        "résultats figés le", null=True, blank=True, editable=False
    )
    frozen_results = models.JSONField("résultats figés", null=True, blank=True, editable=False)
    winner = models.ForeignKey(
        "votes.Candidate",
        verbose_name="thème retenu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    shared_project = models.ForeignKey(
        "votes.SharedProjectPage",
        verbose_name="projet partagé",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
        editable=False,
    )
    # Set once the voting collectivités were told the results and invited to the
    # projet partagé: the e-mails go once, however often the task runs.
    voters_notified_at = models.DateTimeField(
        "collectivités votantes prévenues le", null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    objects = CampaignQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("question"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            heading="Calendrier",
        ),
        FieldRowPanel([FieldPanel("max_choices"), FieldPanel("choices_public")]),
        FieldPanel("accepts_proposals"),
        FieldPanel("is_published"),
    ]

    class Meta:
        verbose_name = "campagne de vote"
        verbose_name_plural = "campagnes de vote"
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="campaign_closes_after_opening",
            ),
            models.CheckConstraint(condition=Q(max_choices__gte=1), name="campaign_max_choices"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("votes:results", kwargs={"slug": self.slug})

    def delete(self, *args, **kwargs):
        # Ballots go first: their choices protect the themes they chose.
        with transaction.atomic():
            self.ballots.all().delete()
            return super().delete(*args, **kwargs)

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "La clôture doit être postérieure à l'ouverture."})

    @property
    def closing_time(self) -> datetime.datetime:
        """When the vote closes (or closed): its date, or earlier if staff closed it."""
        if self.closed_at and self.closed_at < self.closes_at:
            return self.closed_at
        return self.closes_at

    def status_at(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if not self.is_published:
            return CampaignStatus.DRAFT
        if now < self.opens_at:
            return CampaignStatus.UPCOMING
        if now >= self.closing_time:
            return CampaignStatus.CLOSED
        return CampaignStatus.OPEN

    @property
    def status(self) -> str:
        return self.status_at()

    def get_status_display(self) -> str:
        return CampaignStatus(self.status).label

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        return self.status_at(now) == CampaignStatus.OPEN

    def is_closed(self, now: datetime.datetime | None = None) -> bool:
        return self.status_at(now) == CampaignStatus.CLOSED


class CandidateQuerySet(models.QuerySet):
    def on_ballot(self):
        return self.filter(status=Candidate.Status.APPROVED)

    def to_moderate(self):
        return self.filter(status=Candidate.Status.PROPOSED)


class Candidate(models.Model):
    """A theme on the ballot of a campaign: one of the ANCT's, or one a collectivité
    proposed and a moderator approved."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "À modérer"
        APPROVED = "approved", "Sur le bulletin"
        REJECTED = "rejected", "Refusé"

    campaign = models.ForeignKey(
        Campaign, verbose_name="campagne", on_delete=models.CASCADE, related_name="candidates"
    )
    title = models.CharField("thème", max_length=120)
    description = models.TextField("description", blank=True)
    theme_page = models.ForeignKey(
        "themes.ThemePage",
        verbose_name="thématique d'inspiration",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="La page de la thématique d'inspiration correspondante, s'il y en a une.",
    )
    status = models.CharField(
        "statut", max_length=10, choices=Status.choices, default=Status.APPROVED
    )
    sort_order = models.PositiveSmallIntegerField("ordre sur le bulletin", default=0)
    # Who proposed it, when a collectivité did; names and address are kept so that the
    # outcome can be told even if the account has gone since.
    proposer_collectivite = models.ForeignKey(
        "collectivites.Collectivite",
        verbose_name="proposé par la collectivité",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_by = models.ForeignKey(
        "collectivites.Representative",
        verbose_name="proposé par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposer_name = models.CharField("nom du proposant", max_length=150, blank=True)
    proposer_email = models.EmailField("adresse du proposant", blank=True)
    rejection_reason = models.TextField(
        "motif du refus",
        blank=True,
        help_text="Envoyé à la collectivité qui a proposé le thème.",
    )
    moderated_at = models.DateTimeField("modéré le", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="modéré par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)

    objects = CandidateQuerySet.as_manager()

    panels = [
        FieldPanel("campaign"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("theme_page"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = "thème candidat"
        verbose_name_plural = "thèmes candidats"
        ordering = ["campaign", "sort_order", "title"]
        constraints = [
            models.UniqueConstraint(
                "campaign", Lower("title"), name="candidate_unique_title_per_campaign"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_proposal(self) -> bool:
        return self.proposer_collectivite_id is not None or bool(self.proposer_email)

    @property
    def theme_url(self) -> str:
        """The public page of its thématique d'inspiration, if published."""
        page = self.theme_page
        if page is None or not page.live:
            return ""
        return page.url or ""


class ThemeProposal(Candidate):
    """A theme proposed by a collectivité, as moderators see it in the admin."""

    class Meta:
        proxy = True
        verbose_name = "proposition de thème"
        verbose_name_plural = "propositions de thèmes"
