"""What happened to a proposal, step by step: shown to its author and to moderators."""

from django.db import models
from django.utils import timezone


class ContributionEvent(models.Model):
    """One step of a proposal's moderation history, with the message that went with it."""

    class Action(models.TextChoices):
        SENT = "sent", "Proposition envoyée"
        CONFIRMED = "confirmed", "Adresse confirmée : proposition transmise à l'équipe éditoriale"
        TAKEN = "taken", "Examen par l'équipe éditoriale"
        EDITED = "edited", "Mise en forme par l'équipe éditoriale"
        CORRECTED = "corrected", "Corrigée par son auteur"
        WITHDRAWN = "withdrawn", "Retirée par son auteur"
        PUBLISHED = "published", "Publiée"
        DECLINED = "declined", "Non retenue"
        DUPLICATE = "duplicate", "Non retenue : déjà présente sur le site"

    contribution = models.ForeignKey(
        "contributions.Contribution",
        verbose_name="contribution",
        on_delete=models.CASCADE,
        related_name="history",
    )
    action = models.CharField("étape", max_length=12, choices=Action.choices)
    at = models.DateTimeField("le", default=timezone.now)
    message = models.TextField("message au contributeur", blank=True)

    class Meta:
        verbose_name = "étape de modération"
        verbose_name_plural = "historique de modération"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%d/%m/%Y %H:%M})"
