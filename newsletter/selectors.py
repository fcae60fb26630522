"""Reads of the newsletter: the archive, the progress of a send, a subscriber's data."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from .models import (
    Delivery,
    DeliveryStatus,
    Dispatch,
    DispatchStatus,
    NewsletterArchivePage,
    NewsletterIssuePage,
    NewsletterPage,
    Subscriber,
)


def issue_list_published() -> QuerySet[NewsletterIssuePage]:
    """Issues in the public archive, the latest month first, with when they were sent."""
    return NewsletterIssuePage.objects.published()


def archive_page_get() -> NewsletterArchivePage | None:
    return NewsletterArchivePage.objects.live().first()


def newsletter_page_get() -> NewsletterPage | None:
    return NewsletterPage.objects.live().public().first()


def issue_list_for_admin() -> QuerySet[NewsletterIssuePage]:
    """Every issue, drafts included, the latest month first, with its dispatch."""
    return NewsletterIssuePage.objects.order_by("-month").select_related("dispatch")


def delivery_counts_by_issue() -> dict[int, dict]:
    """{issue id: {"total", "sent"}} for every issue with a send log, in one grouped query."""
    return {
        row["issue_id"]: row
        for row in Delivery.objects.values("issue_id").annotate(
            total=Count("pk"), sent=Count("pk", filter=Q(status=DeliveryStatus.SENT))
        )
    }


def issue_get_dispatch(*, issue) -> Dispatch | None:
    return Dispatch.objects.filter(issue_id=issue.pk).first()


def dispatch_list_due(*, now=None) -> list[int]:
    """Ids of the issues whose scheduled time has come."""
    return list(
        Dispatch.objects.filter(
            status=DispatchStatus.SCHEDULED, scheduled_at__lte=now or timezone.now()
        ).values_list("issue_id", flat=True)
    )


def dispatch_chunk_countdowns(*, dispatch: Dispatch) -> list[tuple[int, float]]:
    """(chunk, seconds to wait): chunks are spread so that all workers together keep
    to ``NEWSLETTER_SEND_RATE`` messages per second."""
    rate = settings.NEWSLETTER_SEND_RATE
    spacing = settings.NEWSLETTER_CHUNK_SIZE / rate if rate > 0 else 0
    return [(chunk, chunk * spacing) for chunk in range(dispatch.chunk_count)]


@dataclass(frozen=True)
class Progress:
    """Counts from the send log: what editors see while and after an issue goes out."""

    total: int = 0
    sent: int = 0
    pending: int = 0
    failed: int = 0
    bounced: int = 0
    skipped: int = 0
    unsubscribed_after: int = 0

    @property
    def done(self) -> int:
        return self.total - self.pending

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def issue_send_progress(*, issue) -> Progress:
    """One query, whatever the number of recipients."""
    counts = Delivery.objects.filter(issue_id=issue.pk).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(status=DeliveryStatus.SENT)),
        pending=Count("pk", filter=Q(status__in=[DeliveryStatus.PENDING, DeliveryStatus.CLAIMED])),
        failed=Count("pk", filter=Q(status=DeliveryStatus.FAILED)),
        bounced=Count("pk", filter=Q(status=DeliveryStatus.BOUNCED)),
        skipped=Count("pk", filter=Q(status=DeliveryStatus.SKIPPED)),
        unsubscribed_after=Count(
            "pk",
            filter=Q(status=DeliveryStatus.SENT, subscriber__unsubscribed_at__gte=F("sent_at")),
        ),
    )
    return Progress(**counts)


def subscriber_export_data(*, subscriber: Subscriber) -> dict:
    """Everything stored about a subscriber, for « télécharger mes données »."""

    def when(moment):
        return moment.isoformat() if moment else None

    deliveries = (
        subscriber.deliveries.select_related("issue")
        .order_by("issue__month")
        .values_list("issue__title", "issue__month", "status", "sent_at")
    )
    return {
        "adresse_e_mail": subscriber.email,
        "nom": subscriber.name,
        "organisation": subscriber.organisation,
        "profil": str(subscriber.get_kind_display()) if subscriber.kind else "",
        "thematiques": [theme.title for theme in subscriber.themes.order_by("title")],
        "etat": str(subscriber.get_status_display()),
        "envois_suspendus": subscriber.paused,
        "inscrit_le": when(subscriber.created_at),
        "confirme_le": when(subscriber.confirmed_at),
        "desinscrit_le": when(subscriber.unsubscribed_at),
        "en_erreur_depuis_le": when(subscriber.bounced_at),
        "erreur": subscriber.bounce_reason,
        "consentements": [
            {
                "action": str(consent.get_action_display()),
                "date": when(consent.recorded_at),
                "formulaire": consent.source,
                "texte_affiche": consent.wording,
                "adresse_ip_tronquee": consent.ip_address,
            }
            for consent in subscriber.consents.all()
        ],
        "lettres_recues": [
            {
                "lettre": title,
                "mois": month.strftime("%Y-%m"),
                "etat": str(DeliveryStatus(status).label),
                "envoyee_le": when(sent_at),
            }
            for title, month, status, sent_at in deliveries
        ],
    }
