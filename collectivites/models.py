from django.conf import settings
from django.db import models

from core.geography import DEPARTEMENTS, REGIONS

from .names import fold


class CollectiviteQuerySet(models.QuerySet):
    def current(self):
        """Those in the latest official list (not merged away)."""
        return self.filter(is_current=True)


class Collectivite(models.Model):
    """A commune, an EPCI, a département or a région, from Etalab's découpage administratif."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", "Commune"
        EPCI = "epci", "Intercommunalité (EPCI)"
        DEPARTEMENT = "departement", "Département"
        REGION = "region", "Région"

    kind = models.CharField("type", max_length=12, choices=Kind.choices)
    # INSEE code for communes, départements and régions; the SIREN for EPCI.
    code = models.CharField("code", max_length=9)
    siren = models.CharField("SIREN", max_length=9, unique=True, null=True, blank=True)
    name = models.CharField("nom", max_length=200)
    # Name folded for search: lower case, no accents, hyphens and apostrophes as spaces.
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    epci_type = models.CharField("type d'EPCI", max_length=8, blank=True)
    departement = models.CharField("département", max_length=3, blank=True)
    # Two digits, or three for the overseas collectivités (975, 987…).
    region = models.CharField("région", max_length=3, blank=True)
    population = models.PositiveIntegerField("population", null=True, blank=True)
    postal_codes = models.CharField("codes postaux", max_length=200, blank=True)
    # E-mail domains whose owners are approved without review (e.g. « mairie-exemple.fr »).
    email_domains = models.CharField(
        "domaines de messagerie reconnus",
        max_length=250,
        blank=True,
        help_text="Séparés par des espaces. Les représentants dont l'adresse se termine par l'un d'eux sont validés automatiquement.",
    )
    # Cleared by the import when the collectivité leaves the official list (merger…).
    is_current = models.BooleanField("en vigueur", default=True)

    objects = CollectiviteQuerySet.as_manager()

    class Meta:
        verbose_name = "collectivité"
        verbose_name_plural = "collectivités"
        ordering = ["search_name", "code"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="collectivite_unique_kind_code")
        ]
        indexes = [models.Index(fields=["code"], name="collectivite_code")]

    def __str__(self):
        if self.kind == self.Kind.COMMUNE and self.departement:
            return f"{self.name} ({self.departement})"
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        """The name as the collectivité field shows it once chosen; typed back, it
        designates this collectivité alone (a commune or an EPCI by its département)."""
        if self.kind in (self.Kind.COMMUNE, self.Kind.EPCI) and self.departement:
            return f"{self.name} ({self.departement})"
        if self.kind == self.Kind.DEPARTEMENT:
            return f"{self.name} (département)"
        if self.kind == self.Kind.REGION:
            return f"{self.name} (région)"
        return self.name

    @property
    def code_label(self) -> str:
        """Its official number, named (« code INSEE 69123 », « SIREN 200046977 »)."""
        if self.kind == self.Kind.EPCI:
            return f"SIREN {self.siren or self.code}"
        if self.kind == self.Kind.COMMUNE:
            return f"code INSEE {self.code}"
        return f"code {self.code}"

    @property
    def domain_list(self) -> list[str]:
        return [domain for domain in self.email_domains.split() if domain]

    def recognises_email(self, email: str) -> bool:
        """True when the address belongs to one of its domains (or a subdomain of one)."""
        domain = email.rpartition("@")[2].strip().lower()
        return bool(domain) and any(
            domain == known or domain.endswith("." + known) for known in self.domain_list
        )

    @property
    def region_name(self) -> str:
        return REGIONS.get(self.region, "")

    @property
    def departement_name(self) -> str:
        return DEPARTEMENTS.get(self.departement, ("", ""))[0]


class RepresentativeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Representative.Status.ACTIVE, email_confirmed_at__isnull=False)

    def pending(self):
        return self.filter(status=Representative.Status.PENDING)

    def verified(self):
        """Address confirmed and account validated (by staff or by its e-mail domain)."""
        return self.filter(email_confirmed_at__isnull=False, approved_at__isnull=False)


class Representative(models.Model):
    """An élu or an agent who acts for a collectivité (votes, shared projects)."""

    class Role(models.TextChoices):
        ELU = "elu", "Élu ou élue"
        AGENT = "agent", "Agent ou agente"

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "Adresse e-mail à confirmer"
        PENDING = "pending", "En attente de validation"
        ACTIVE = "active", "Validé"
        SUSPENDED = "suspended", "Suspendu"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="representative"
    )
    collectivite = models.ForeignKey(
        Collectivite,
        on_delete=models.PROTECT,
        related_name="representatives",
        verbose_name="collectivité",
    )
    full_name = models.CharField("nom et prénom", max_length=150)
    role = models.CharField("fonction", max_length=10, choices=Role.choices)
    position = models.CharField("intitulé du poste ou du mandat", max_length=150, blank=True)
    email = models.EmailField("adresse e-mail professionnelle", unique=True)
    status = models.CharField(
        "statut", max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )
    email_confirmed_at = models.DateTimeField("adresse confirmée le", null=True, blank=True)
    approved_at = models.DateTimeField("validé le", null=True, blank=True)
    created_at = models.DateTimeField("inscrit le", auto_now_add=True)
    # ProConnect's « sub »: the agent's identity at the OpenID provider. A later login
    # finds the account by it, never again by the e-mail address (which can change).
    proconnect_sub = models.CharField(
        "identifiant ProConnect", max_length=255, unique=True, null=True, blank=True, editable=False
    )

    objects = RepresentativeQuerySet.as_manager()

    class Meta:
        verbose_name = "représentant d'une collectivité"
        verbose_name_plural = "représentants des collectivités"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.full_name} ({self.collectivite})"

    @property
    def is_verified(self) -> bool:
        """Confirmed and validated once, whatever its status is now (see ``verified()``)."""
        return self.email_confirmed_at is not None and self.approved_at is not None

    @property
    def can_act(self) -> bool:
        """Only a confirmed and validated representative votes or registers for a project."""
        return self.status == self.Status.ACTIVE and self.email_confirmed_at is not None
