"""What visitors send in: proposed resources, events and projects, and requests to the ANCT."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.geography import DEPARTEMENT_CHOICES
from events.models import EventFormat
from resources.models import ResourceKind

from .history import ContributionEvent  # noqa: F401 (a model of this app, kept in its own module)
from .keys import title_key, url_key
from .storage import private_storage


def contribution_upload_path(instance, filename: str) -> str:
    # A random folder: two contributors may send files with the same name.
    return f"contributions/{timezone.now():%Y}/{uuid.uuid4().hex}/{filename}"


def reference_for(prefix: str, pk: int, when) -> str:
    """« TEC-2026-00042 »: the prefix, the year it was sent, a number that never repeats."""
    return f"{prefix}-{when:%Y}-{pk:05d}"


def credit_for(name: str, organisation: str) -> str:
    """« Anne Martin, Ville de Rezé »: the sender and their organisation."""
    parts = [(name or "").strip(), (organisation or "").strip()]
    return ", ".join(part for part in parts if part)[:250]


def optional_link(to, verbose_name: str, related_name: str = "+") -> models.ForeignKey:
    """A link that may be missing, and is cleared when what it points at is deleted."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
    )


class Submission(models.Model):
    """What a visitor sends through a public form: numbered, dated, traced to a network."""

    REFERENCE_PREFIX = ""

    # Set right after the first save (it holds the id): NULL until then, as unique allows.
    reference = models.CharField(  # noqa: DJ001
        "référence", max_length=20, unique=True, null=True, editable=False
    )
    created_at = models.DateTimeField("envoyée le", auto_now_add=True)
    updated_at = models.DateTimeField("mise à jour le", auto_now=True)
    # The sender's network (host part blanked), to trace abuse without keeping who they are.
    client_network = models.CharField(max_length=45, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.reference or '—'} · {self.headline}"

    @property
    def headline(self) -> str:
        raise NotImplementedError


class ContributionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(status=Contribution.Status.UNCONFIRMED)

    def awaiting_moderation(self):
        return self.filter(status__in=Contribution.OPEN_STATUSES)


class Contribution(Submission):
    """A resource, an event or an inspiring project proposed by a collectivité or a
    partner, which a moderator publishes (possibly after editing it) or declines.

    It reaches the moderators only once its sender has confirmed their e-mail address.
    """

    class Kind(models.TextChoices):
        RESOURCE = "ressource", "Ressource"
        EVENT = "evenement", "Événement"
        PROJECT = "projet", "Projet inspirant"

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "Adresse e-mail à confirmer"
        RECEIVED = "received", "Reçue"
        IN_REVIEW = "in_review", "En cours d'examen"
        PUBLISHED = "published", "Publiée"
        DECLINED = "declined", "Non retenue"
        DUPLICATE = "duplicate", "Doublon"
        WITHDRAWN = "withdrawn", "Retirée par son auteur"

    # What the public forms may set; the rest is the moderators'.
    SUBMITTED_FIELDS = (
        "contributor_name",
        "organisation",
        "email",
        "consent_contact",
        "title",
        "summary",
        "description",
        "url",
        "resource_kind",
        "document",
        "start",
        "end",
        "all_day",
        "event_format",
        "venue",
        "address",
        "city",
        "online_url",
        "registration_url",
        "organiser_name",
        "departement",
        "territory",
    )
    OPEN_STATUSES = (Status.RECEIVED, Status.IN_REVIEW)
    CLOSED_STATUSES = (Status.PUBLISHED, Status.DECLINED, Status.DUPLICATE, Status.WITHDRAWN)
    REFERENCE_PREFIX = "TEC"

    kind = models.CharField("type de contribution", max_length=12, choices=Kind.choices)
    status = models.CharField(
        "statut", max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )

    # Who sends it.
    contributor_name = models.CharField("nom et prénom", max_length=150)
    organisation = models.CharField("collectivité ou organisation", max_length=200)
    email = models.EmailField("adresse e-mail", max_length=254)
    consent_contact = models.BooleanField("accepte d'être recontacté", default=False)
    credit = models.CharField(
        "crédit « Proposé par »",
        max_length=250,
        blank=True,
        help_text="Ce qui s'affichera sous « Proposé par » une fois la contribution publiée.",
    )

    # What every kind has.
    title = models.CharField("titre", max_length=255)
    summary = models.TextField("résumé", max_length=1000)
    description = models.TextField("présentation détaillée", max_length=10000, blank=True)
    url = models.URLField("lien", max_length=500, blank=True)
    themes = models.ManyToManyField(
        "themes.ThemePage",
        verbose_name="thématiques",
        blank=True,
        related_name="contributions",
    )

    # A resource.
    resource_kind = models.CharField(
        "type de ressource", max_length=20, choices=ResourceKind.choices, blank=True
    )
    document = models.FileField(
        "document",
        upload_to=contribution_upload_path,
        storage=private_storage,
        max_length=300,
        blank=True,
    )

    # An event.
    start = models.DateTimeField("début", null=True, blank=True)
    end = models.DateTimeField("fin", null=True, blank=True)
    all_day = models.BooleanField("journée(s) entière(s)", default=False)
    event_format = models.CharField(
        "format", max_length=20, choices=EventFormat.choices, blank=True
    )
    venue = models.CharField("lieu", max_length=200, blank=True)
    address = models.CharField("adresse", max_length=250, blank=True)
    city = models.CharField("ville", max_length=120, blank=True)
    online_url = models.URLField("lien de connexion ou de diffusion", max_length=500, blank=True)
    registration_url = models.URLField("lien d'inscription", max_length=500, blank=True)
    organiser_name = models.CharField("organisateur", max_length=250, blank=True)

    # An event or a project.
    departement = models.CharField(
        "département", max_length=3, choices=DEPARTEMENT_CHOICES, blank=True
    )
    # A project.
    territory = models.CharField("collectivité ou territoire", max_length=200, blank=True)

    # Moderation.
    title_key = models.CharField(max_length=255, db_index=True, editable=False, default="")
    url_key = models.CharField(max_length=500, db_index=True, editable=False, default="")
    flagged_duplicate = models.BooleanField(
        "doublon possible",
        default=False,
        help_text="Un titre ou un lien identique existe déjà sur le site ou dans une autre proposition.",
    )
    decline_reason = models.TextField(
        "motif",
        blank=True,
        help_text="Envoyé au contributeur et affiché sur sa page de suivi.",
    )
    duplicate_of = models.CharField("doublon de", max_length=300, blank=True)
    moderated_by = optional_link(settings.AUTH_USER_MODEL, "modérée par")
    moderated_at = models.DateTimeField("modérée le", null=True, blank=True)
    published_resource = optional_link("resources.Resource", "ressource publiée")
    published_page = optional_link("wagtailcore.Page", "page publiée")
    confirmed_at = models.DateTimeField("adresse confirmée le", null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta(Submission.Meta):
        verbose_name = "contribution"
        verbose_name_plural = "contributions"
        indexes = [models.Index(fields=["status", "kind"], name="contribution_status_kind")]

    def save(self, *args, **kwargs):
        self.title_key = title_key(self.title)
        self.url_key = url_key(self.url or self.registration_url)
        super().save(*args, **kwargs)

    @property
    def headline(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def can_be_changed_by_author(self) -> bool:
        """Its author may correct or withdraw it until a moderator decides."""
        return self.status == self.Status.UNCONFIRMED or self.is_open

    @property
    def published_object(self):
        """The resource or page the contribution became, if it is still there."""
        if self.published_resource_id:
            return self.published_resource
        if self.published_page_id:
            return self.published_page.specific
        return None

    @property
    def public_url(self) -> str:
        item = self.published_object
        if item is None:
            return ""
        if self.published_resource_id:
            return item.get_absolute_url() if item.live else ""
        return item.url if item.live else ""

    @property
    def duplicate_label(self) -> str:
        return "Doublon possible" if self.flagged_duplicate else ""

    @property
    def document_name(self) -> str:
        return self.document.name.rsplit("/", 1)[-1] if self.document else ""

    def default_credit(self) -> str:
        return credit_for(self.contributor_name, self.organisation)


class NeedRequestQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(status=NeedRequest.Status.UNCONFIRMED)

    def unhandled(self):
        return self.filter(status=NeedRequest.Status.NEW)


class NeedRequest(Submission):
    """A collectivité telling the ANCT what it needs on a thématique: where its
    project stands and what help it expects. ANCT staff follow it up.

    Like a proposal, it reaches the team only once its sender has confirmed their
    address: until then nothing of what was typed is sent to anyone.
    """

    class Stage(models.TextChoices):
        IDEA = "idee", "Idée"
        PREPARATION = "preparation", "En préparation"
        ONGOING = "en_cours", "En cours"
        EVALUATION = "evaluation", "Évaluation"

    class Status(models.TextChoices):
        UNCONFIRMED = "a_confirmer", "Adresse e-mail à confirmer"
        NEW = "nouveau", "Nouveau"
        IN_PROGRESS = "en_cours", "En cours"
        DONE = "traite", "Traité"

    # What the sender reads on the status page for each status.
    PUBLIC_LABELS = {
        Status.UNCONFIRMED: "Adresse e-mail à confirmer",
        Status.NEW: "Reçue",
        Status.IN_PROGRESS: "Prise en charge",
        Status.DONE: "Répondue",
    }

    # What the team may set while following a confirmed request up.
    FOLLOW_UP_STATUSES = [
        (status.value, status.label) for status in (Status.NEW, Status.IN_PROGRESS, Status.DONE)
    ]
    REFERENCE_PREFIX = "BES"
    # What the « préciser mon besoin » form asks, in its order; the rest is the team's.
    SUBMITTED_FIELDS = (
        "collectivite",
        "structure_name",
        "contact_name",
        "role",
        "email",
        "phone",
        "theme",
        "stage",
        "subject",
        "message",
    )

    collectivite = optional_link(
        "collectivites.Collectivite", "collectivité", related_name="need_requests"
    )
    structure_name = models.CharField(
        "autre structure",
        max_length=200,
        blank=True,
        help_text="Quand la structure ne figure pas dans la liste des collectivités.",
    )
    contact_name = models.CharField("nom et prénom", max_length=150)
    role = models.CharField("fonction", max_length=150)
    email = models.EmailField("adresse e-mail", max_length=254)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    theme = optional_link("themes.ThemePage", "thématique", related_name="need_requests")
    stage = models.CharField("avancement du projet", max_length=12, choices=Stage.choices)
    subject = models.CharField("objet", max_length=200)
    message = models.TextField("besoin", max_length=5000)
    status = models.CharField(
        "statut", max_length=11, choices=Status.choices, default=Status.UNCONFIRMED
    )
    confirmed_at = models.DateTimeField("adresse confirmée le", null=True, blank=True)
    internal_note = models.TextField(
        "note interne", blank=True, help_text="Visible de l'équipe seulement."
    )
    handled_by = optional_link(settings.AUTH_USER_MODEL, "suivie par")
    taken_at = models.DateTimeField("prise en charge le", null=True, blank=True)
    answer = models.TextField(
        "réponse de l'ANCT",
        max_length=10000,
        blank=True,
        help_text="Envoyée par e-mail au demandeur et affichée sur sa page de suivi.",
    )
    answered_at = models.DateTimeField("répondue le", null=True, blank=True)

    objects = NeedRequestQuerySet.as_manager()

    class Meta(Submission.Meta):
        verbose_name = "demande d'accompagnement"
        verbose_name_plural = "demandes d'accompagnement"

    @property
    def headline(self) -> str:
        return self.subject

    @property
    def structure(self) -> str:
        """The collectivité from the list, else the structure typed in."""
        return str(self.collectivite) if self.collectivite_id else self.structure_name

    @property
    def public_status(self) -> str:
        return self.PUBLIC_LABELS[self.status]
