"""Registrations taken on the site, for events with ``registration_mode = site``."""

import uuid

from django.db import models


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Inscription confirmée"
    WAITING = "waiting", "En liste d'attente"
    CANCELLED = "cancelled", "Annulée"


class EventRegistration(models.Model):
    """A person registered for an event (for a series: for one of its dates)."""

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="registrations"
    )
    occurrence = models.ForeignKey(
        "events.EventOccurrence",
        verbose_name="date",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    name = models.CharField("nom", max_length=150)
    email = models.EmailField("adresse e-mail")
    organisation = models.CharField("organisation ou collectivité", max_length=200, blank=True)
    status = models.CharField(
        "statut",
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_at = models.DateTimeField("inscrit le", auto_now_add=True)

    class Meta:
        verbose_name = "inscription"
        verbose_name_plural = "inscriptions"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence", "email"], name="events_registration_unique_email"
            )
        ]

    def __str__(self):
        return f"{self.name} — {self.event}"
