"""The sending of an issue and its log: one row per (issue, subscriber)."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from .pages import NewsletterIssuePage
from .subscribers import Subscriber

# Beat (or `make run`'s scheduler) looks for due sends every minute: a scheduled send
# still not started this long after its time means the scheduler is not running.
OVERDUE_AFTER = datetime.timedelta(minutes=5)


class DispatchStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Envoi programmé"
    SENDING = "sending", "Envoi en cours"
    SENT = "sent", "Envoyée"
    CANCELLED = "cancelled", "Envoi annulé"


class Dispatch(models.Model):
    """The sending of one issue: when, by whom, and the e-mail as it was sent.

    Kept apart from the page so that publishing a revision never rewinds the state
    of a send. The shared body of the e-mail is rendered once, when the send
    starts, and stored here: every chunk sends exactly the same content, even if
    the page is edited meanwhile.
    """

    issue = models.OneToOneField(
        NewsletterIssuePage,
        on_delete=models.CASCADE,
        related_name="dispatch",
        verbose_name="lettre",
    )
    status = models.CharField(
        "état", max_length=20, choices=DispatchStatus.choices, default=DispatchStatus.SCHEDULED
    )
    scheduled_at = models.DateTimeField("envoi prévu le", null=True, blank=True)
    started_at = models.DateTimeField("envoi commencé le", null=True, blank=True)
    finished_at = models.DateTimeField("envoi terminé le", null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="demandé par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField("objet", max_length=255, blank=True)
    html = models.TextField("e-mail HTML", blank=True)
    text = models.TextField("e-mail texte", blank=True)
    # What the issue showed that changes by itself (the vote's tallies), as sent.
    snapshot = models.JSONField("données figées à l'envoi", default=dict, blank=True)
    total = models.PositiveIntegerField("destinataires", default=0)
    chunk_count = models.PositiveIntegerField("lots", default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "envoi"
        verbose_name_plural = "envois"
        permissions = [("send_dispatch", "Peut envoyer la newsletter")]

    def __str__(self):
        return f"{self.issue} — {self.get_status_display()}"

    def is_overdue(self, now: datetime.datetime | None = None) -> bool:
        """Scheduled, its time passed, and still not started by the scheduler."""
        return (
            self.status == DispatchStatus.SCHEDULED
            and self.scheduled_at is not None
            and self.scheduled_at + OVERDUE_AFTER < (now or timezone.now())
        )

    @property
    def sent_snapshot(self) -> dict | None:
        """What the issue showed when it went out; None before it starts sending."""
        if self.status not in (DispatchStatus.SENDING, DispatchStatus.SENT):
            return None
        return self.snapshot


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "À envoyer"
    CLAIMED = "claimed", "En cours"
    SENT = "sent", "Envoyé"
    FAILED = "failed", "Échec"
    BOUNCED = "bounced", "Adresse refusée"
    SKIPPED = "skipped", "Non envoyé (désinscrit entre-temps)"


class Delivery(models.Model):
    """One issue to one subscriber: the guarantee that nobody gets it twice.

    The rows are created when the send starts, numbered by chunk. A worker claims
    pending rows of its chunk (a conditional UPDATE, under ``SKIP LOCKED`` on
    PostgreSQL), and marks each one sent as soon as the SMTP server accepted the
    message. A claim left by a dead worker is released after a while and the row
    is sent by the next run.
    """

    issue = models.ForeignKey(
        NewsletterIssuePage, on_delete=models.CASCADE, related_name="deliveries"
    )
    # Kept (emptied) when a subscriber deletes their data, so the counts stay true.
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    chunk = models.PositiveIntegerField("lot")
    status = models.CharField(
        "état", max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    claim = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)
    error = models.CharField("erreur", max_length=500, blank=True)

    class Meta:
        verbose_name = "envoi à un abonné"
        verbose_name_plural = "journal d'envoi"
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [
            models.Index(fields=["issue", "chunk", "status"], name="newsletter_delivery_claim"),
            models.Index(fields=["status", "claimed_at"], name="newsletter_delivery_stalled"),
        ]

    def __str__(self):
        return f"{self.issue_id} → {self.subscriber_id} ({self.status})"
