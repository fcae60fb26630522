"""Projets partagés: the winning theme of a campaign, and the collectivités taking part."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.models import SectionIndexPage
from core.page_bases import EditorialPage
from core.text import fold_accents

MIN_STAKEHOLDERS = 3
MAX_STAKEHOLDERS = 5


class SharedProjectIndexPage(SectionIndexPage):
    """/projets-partages/: the projets partagés born from the votes."""

    empty_message = "Aucun projet partagé n'est publié pour le moment."
    subpage_types = ["votes.SharedProjectPage"]

    class Meta:
        verbose_name = "index des projets partagés"

    def get_items(self):
        return (
            SharedProjectPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .order_by("-first_published_at")
        )


class SharedProjectPage(EditorialPage):
    """A projet partagé: the ANCT accompanies three to five collectivités (the
    *parties prenantes*) on the theme the vote chose; any number of others follow
    it as *observatrices*."""

    campaign = models.ForeignKey(
        "votes.Campaign",
        verbose_name="campagne d'origine",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    theme_page = models.ForeignKey(
        "themes.ThemePage",
        verbose_name="thématique d'inspiration",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    stakeholder_capacity = models.PositiveSmallIntegerField(
        "nombre de places de parties prenantes",
        default=MAX_STAKEHOLDERS,
        validators=[MinValueValidator(MIN_STAKEHOLDERS), MaxValueValidator(MAX_STAKEHOLDERS)],
        help_text="Entre 3 et 5. Au-delà, les collectivités s'inscrivent en liste d'attente.",
    )
    registrations_open = models.BooleanField("inscriptions ouvertes", default=True)

    content_panels = [
        *EditorialPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("stakeholder_capacity"), FieldPanel("registrations_open")]
                ),
                FieldPanel("campaign"),
                FieldPanel("theme_page"),
            ],
            heading="Participation des collectivités",
        ),
    ]
    parent_page_types = ["votes.SharedProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "projet partagé"
        verbose_name_plural = "projets partagés"
        constraints = [
            models.CheckConstraint(
                condition=Q(stakeholder_capacity__gte=MIN_STAKEHOLDERS)
                & Q(stakeholder_capacity__lte=MAX_STAKEHOLDERS),
                name="shared_project_capacity_3_to_5",
            )
        ]

    def clean(self):
        super().clean()
        if self.pk and self.stakeholder_capacity:
            confirmed = self.registrations.stakeholders().count()
            if confirmed > self.stakeholder_capacity:
                raise ValidationError(
                    {
                        "stakeholder_capacity": (
                            "Ce projet compte déjà %(count)s parties prenantes : "
                            "retirez-en avant de réduire le nombre de places."
                        )
                        % {"count": confirmed}
                    }
                )

    def get_context(self, request, *args, **kwargs):
        # The registration form and the visitor's own registration are added by
        # ``votes.views.projects``, which serves these pages (see ``wagtail_hooks``).
        context = super().get_context(request, *args, **kwargs)
        context.update(self.registrations.participants(capacity=self.stakeholder_capacity))
        return context


class RegistrationQuerySet(models.QuerySet):
    def stakeholders(self):
        return self.filter(
            role=ProjectRegistration.Role.STAKEHOLDER, status=ProjectRegistration.Status.CONFIRMED
        )

    def waiting(self):
        return self.filter(status=ProjectRegistration.Status.WAITING).order_by("created_at", "pk")

    def observers(self):
        return self.filter(role=ProjectRegistration.Role.OBSERVER)

    def participants(self, *, capacity: int) -> dict:
        """Parties prenantes (by place), waiting list (by arrival) and observatrices
        (by name), from one query; ``registrations`` holds them all, by arrival."""
        registrations = list(self.select_related("collectivite").order_by("created_at", "pk"))
        stakeholders = sorted(
            (r for r in registrations if r.role == r.Role.STAKEHOLDER and not r.is_waiting),
            key=lambda r: r.slot,
        )
        return {
            "stakeholders": stakeholders,
            "waiting": [r for r in registrations if r.is_waiting],
            "observers": sorted(
                (r for r in registrations if r.role == r.Role.OBSERVER),
                key=lambda r: fold_accents(r.collectivite.name),
            ),
            "places_left": max(0, capacity - len(stakeholders)),
            "registrations": registrations,
        }


class ProjectRegistration(models.Model):
    """A collectivité taking part in a projet partagé, as partie prenante (one of
    the numbered places, or on the waiting list) or as observatrice."""

    class Role(models.TextChoices):
        STAKEHOLDER = "stakeholder", "Partie prenante"
        OBSERVER = "observer", "Observatrice"

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmée"
        WAITING = "waiting", "Liste d'attente"

    project = models.ForeignKey(
        SharedProjectPage,
        verbose_name="projet partagé",
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    collectivite = models.ForeignKey(
        "collectivites.Collectivite",
        verbose_name="collectivité",
        on_delete=models.PROTECT,
        related_name="project_registrations",
    )
    role = models.CharField("rôle", max_length=12, choices=Role.choices)
    status = models.CharField(
        "statut", max_length=10, choices=Status.choices, default=Status.CONFIRMED
    )
    # The numbered place of a confirmed partie prenante: unique per project, so two
    # collectivités can never hold the same place, whatever the concurrency.
    slot = models.PositiveSmallIntegerField("place", null=True, blank=True)
    registered_by = models.ForeignKey(
        "collectivites.Representative",
        verbose_name="inscrite par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registered_by_name = models.CharField("inscrite par (nom)", max_length=150, blank=True)
    contact_email = models.EmailField("adresse de contact", blank=True)
    created_at = models.DateTimeField("inscrite le", default=timezone.now)
    promoted_at = models.DateTimeField("sortie de la liste d'attente le", null=True, blank=True)
    # A departure (or a partie prenante becoming observatrice) takes effect a short
    # while after it is confirmed: until then the collectivité keeps its place and
    # can undo it.
    leaving_at = models.DateTimeField("départ effectif le", null=True, blank=True)
    leaving_for = models.CharField(
        "devient",
        max_length=12,
        blank=True,
        choices=[("", "quitte le projet"), ("observer", "observatrice")],
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = "inscription à un projet partagé"
        verbose_name_plural = "inscriptions aux projets partagés"
        ordering = ["project", "role", "status", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "collectivite"], name="registration_one_per_collectivite"
            ),
            models.UniqueConstraint(fields=["project", "slot"], name="registration_unique_slot"),
            models.CheckConstraint(
                condition=(
                    Q(
                        role="stakeholder",
                        status="confirmed",
                        slot__gte=1,
                        slot__lte=MAX_STAKEHOLDERS,
                    )
                    | Q(role="stakeholder", status="waiting", slot=None)
                    | Q(role="observer", status="confirmed", slot=None)
                ),
                name="registration_slot_matches_role",
            ),
        ]

    def __str__(self):
        return f"{self.collectivite} — {self.get_role_display()}"

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    @property
    def is_leaving(self) -> bool:
        return self.leaving_at is not None
