"""The format and status of an event: plain choices, importable without the models."""

from django.db import models


class EventFormat(models.TextChoices):
    IN_PERSON = "presentiel", "Présentiel"
    ONLINE = "en_ligne", "En ligne"
    HYBRID = "hybride", "Hybride"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Programmé"
    POSTPONED = "postponed", "Reporté"
    CANCELLED = "cancelled", "Annulé"
    FULL = "full", "Complet"
