"""The sending of an issue and its log: one row per (issue, subscriber)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import NewsletterIssuePage
from .subscribers import Subscriber


class DispatchStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Envoi programmé")
    SENDING = "sending", _("Envoi en cours")
    SENT = "sent", _("Envoyée")
    CANCELLED = "cancelled", _("Envoi annulé")


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
        verbose_name=_("lettre"),
    )
    status = models.CharField(
        _("état"), max_length=20, choices=DispatchStatus.choices, default=DispatchStatus.SCHEDULED
    )
    scheduled_at = models.DateTimeField(_("envoi prévu le"), null=True, blank=True)
    started_at = models.DateTimeField(_("envoi commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("envoi terminé le"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("objet"), max_length=255, blank=True)
    html = models.TextField(_("e-mail HTML"), blank=True)
    text = models.TextField(_("e-mail texte"), blank=True)
    # What the issue showed that changes by itself (the vote's tallies), as sent.
    snapshot = models.JSONField(_("données figées à l'envoi"), default=dict, blank=True)
    total = models.PositiveIntegerField(_("destinataires"), default=0)
    chunk_count = models.PositiveIntegerField(_("lots"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("envoi")
        verbose_name_plural = _("envois")
        permissions = [("send_dispatch", _("Peut envoyer la newsletter"))]

    def __str__(self):
        return f"{self.issue} — {self.get_status_display()}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("À envoyer")
    CLAIMED = "claimed", _("En cours")
    SENT = "sent", _("Envoyé")
    FAILED = "failed", _("Échec")
    BOUNCED = "bounced", _("Adresse refusée")
    SKIPPED = "skipped", _("Non envoyé (désinscrit entre-temps)")


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
    chunk = models.PositiveIntegerField(_("lot"))
    status = models.CharField(
        _("état"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    claim = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    error = models.CharField(_("erreur"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("envoi à un abonné")
        verbose_name_plural = _("journal d'envoi")
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
