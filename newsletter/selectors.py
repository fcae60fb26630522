"""Reads of the newsletter: the archive, the progress of a send, a subscriber's data,
and what an issue features for its month (with what to check before sending it)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from core.dates import date_fr
from core.text import of, plural
from themes import selectors as themes

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
from .months import last_day, month_label


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


# --- What an issue features, and what to check before sending it -----------------------


@dataclass(frozen=True)
class IssueContents:
    """What an issue's sections feature (its latest draft when given one)."""

    month: datetime.date
    theme: object | None = None
    concept: object | None = None
    projects: list = field(default_factory=list)
    resources: int = 0  # the theme's published resources
    events: int = 0  # partners' news and agenda
    vote: bool = False
    shared_project: object | None = None
    next_steps_missing: bool = False


def _live(page):
    return page.specific if page is not None and page.live else None


def issue_contents(*, issue) -> IssueContents:
    """Read from the issue's blocks, in one pass."""
    found = {"projects": [], "events": 0}
    for block in issue.body:
        kind, value = block.block_type, block.value
        if kind in ("theme", "concept") and found.get(kind) is None:
            found[kind] = _live(value[kind])
        elif kind == "projects":
            found["projects"] += [page for page in map(_live, value["projects"]) if page]
        elif kind == "agenda":
            found["events"] += len([page for page in map(_live, value["events"]) if page])
        elif kind == "news":
            found["events"] += len(value["items"])
        elif kind == "vote":
            found["vote"] = True
        elif kind == "shared_project" and found.get("shared_project") is None:
            found["shared_project"] = _live(value["project"])
            found["next_steps_missing"] = not (value.get("next_steps") or "").strip()
    theme = found.get("theme")
    resources = theme.resources.filter(live=True).count() if theme is not None else 0
    return IssueContents(month=issue.month, resources=resources, **found)


def _featured(page, month: datetime.date) -> str:
    """« « Le récit » », with its month when it is not the issue's."""
    if page is None:
        return ""
    if page.month != month:
        return f"« {page.title} » ({of(month_label(page.month))})"
    return f"« {page.title} »"


def _count(count: int, singular: str, plural_form: str) -> str:
    return f"{count} {plural(singular, plural_form, count)}"


def issue_summary(*, contents: IssueContents) -> str:
    """What the issue features, in one French sentence: « Janvier 2027 : thématique … »."""
    parts = [
        f"thématique {_featured(contents.theme, contents.month)}"
        if contents.theme
        else "aucune thématique",
        f"concept du mois {_featured(contents.concept, contents.month)}"
        if contents.concept
        else "aucun concept du mois",
        _count(len(contents.projects), "projet", "projets"),
        _count(contents.resources, "ressource", "ressources") + " dans la thématique",
        _count(contents.events, "événement", "événements"),
    ]
    if contents.vote:
        parts.append("le vote en cours")
    if contents.shared_project is not None:
        parts.append(f"le projet partagé « {contents.shared_project.title} »")
    return f"{month_label(contents.month).capitalize()} : " + ", ".join(parts) + "."


@dataclass(frozen=True)
class Featured:
    """How the warnings name a section that features one page of the month."""

    section: str
    none_published: str
    name: str
    pronoun: str


THEME = Featured("Thématique du mois", "Aucune thématique n'est publiée", "la thématique", "la")
CONCEPT = Featured(
    "Le concept du mois", "Aucun concept du mois n'est publié", "le concept du mois", "le"
)


def _own_month_warning(page, own, *, featured: Featured, month: datetime.date) -> str | None:
    """Warns when the section features no page of the issue's own month (``own``)."""
    label = month_label(month)
    section = f"« {featured.section} »"
    if page is None and own is None:
        return f"{featured.none_published} pour {label} : la lettre n'a pas de rubrique {section}."
    if page is None:
        return (
            f"La lettre n'a pas de rubrique {section} : {featured.name} {of(label)} est "
            f"« {own.title} »."
        )
    if page.month == month:
        return None
    if own is not None:
        return (
            f"La rubrique {section} présente « {page.title} », {of(month_label(page.month))} ; "
            f"{featured.name} {of(label)} est « {own.title} » : choisissez-{featured.pronoun}."
        )
    return (
        f"{featured.none_published} pour {label} : la rubrique {section} reprend "
        f"« {page.title} », {of(month_label(page.month))}. Gardez ce choix s'il se poursuit ce "
        f"mois-ci ; sinon, publiez {featured.name} {of(label)} et choisissez-{featured.pronoun} "
        "dans la rubrique."
    )


def _own(page, month: datetime.date):
    return page if page is not None and page.month == month else None


def _project_warning(contents: IssueContents) -> str | None:
    if not contents.projects:
        return "La lettre n'a pas de rubrique « Projets pour vous inspirer »."
    theme = contents.theme
    own = set(theme.projects.values_list("pk", flat=True)) if theme is not None else set()
    others = len([page for page in contents.projects if page.pk not in own])
    if not others:
        return None
    lead = (
        "Un projet présenté n'est pas rattaché"
        if others == 1
        else f"{others} projets présentés ne sont pas rattachés"
    )
    where = f"à la thématique « {theme.title} »" if theme is not None else "à une thématique"
    return f"{lead} {where} : vérifiez que vous voulez les présenter ce mois-ci."


def issue_content_warnings(*, contents: IssueContents) -> list[str]:
    """Sections that feature nothing of the issue's own month, or nothing at all."""
    month = contents.month
    own_theme = _own(themes.theme_of_the_month(today=last_day(month)), month)
    own_concept = _own(themes.concept_of_the_month(today=last_day(month)), month)
    warnings = [
        _own_month_warning(contents.theme, own_theme, featured=THEME, month=month),
        _own_month_warning(contents.concept, own_concept, featured=CONCEPT, month=month),
        _project_warning(contents),
    ]
    if contents.shared_project is not None and contents.next_steps_missing:
        warnings.append(
            "Rubrique « Des nouvelles du projet partagé » : écrivez les prochaines étapes "
            "du projet (prochaine rencontre, calendrier…)."
        )
    return [warning for warning in warnings if warning]


def issue_month_warning(*, month: datetime.date, today: datetime.date) -> str | None:
    """An issue dated after the current month would go out early."""
    if month <= today.replace(day=1):
        return None
    return (
        f"Cette lettre est celle {of(month_label(month))}, un mois qui n'a pas commencé (nous "
        f"sommes le {date_fr(today)}) : envoyée maintenant, elle arriverait en "
        f"avance. Programmez l'envoi à partir du 1er {month_label(month)}, ou corrigez le mois "
        "de la lettre."
    )


def issue_warnings(*, issue, today: datetime.date | None = None) -> list[str]:
    """Everything to check before sending ``issue`` (pass its latest draft)."""
    if issue.month is None:
        return []
    month_warning = issue_month_warning(month=issue.month, today=today or timezone.localdate())
    content = issue_content_warnings(contents=issue_contents(issue=issue))
    return [month_warning, *content] if month_warning else content
