"""Who receives the newsletter, and the record of what each of them agreed to."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class SubscriberKind(models.TextChoices):
    COLLECTIVITE = "collectivite", "Collectivité territoriale"
    PARTNER = "partenaire", "Partenaire ou réseau"
    ASSOCIATION = "association", "Association"
    STATE = "etat", "Services de l'État"
    CITIZEN = "citoyen", "Citoyenne ou citoyen"
    OTHER = "autre", "Autre"


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", "En attente de confirmation"
    ACTIVE = "active", "Abonné"
    UNSUBSCRIBED = "unsubscribed", "Désinscrit"
    BOUNCED = "bounced", "Adresse en erreur"


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Confirmed, not paused, not unsubscribed and not bounced: those an issue goes to."""
        return self.filter(status=SubscriberStatus.ACTIVE, paused=False)

    def unconfirmed_before(self, moment):
        return self.filter(status=SubscriberStatus.PENDING, created_at__lt=moment)


class Subscriber(models.Model):
    """An address that asked for the newsletter.

    Nothing is sent to it but the confirmation until its owner follows the link
    (double opt-in). Addresses are stored in lower case, once: signing up again
    never creates a second row.
    """

    email = models.EmailField("adresse e-mail", unique=True)
    name = models.CharField("nom", max_length=150, blank=True)
    organisation = models.CharField("organisation", max_length=200, blank=True)
    kind = models.CharField("profil", max_length=20, choices=SubscriberKind.choices, blank=True)
    themes = models.ManyToManyField(
        "themes.ThemePage",
        verbose_name="thématiques qui l'intéressent",
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        "état",
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    paused = models.BooleanField(
        "envois suspendus",
        default=False,
        help_text="L'abonné a mis ses envois en pause depuis ses préférences.",
    )
    created_at = models.DateTimeField("inscrit le", default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True, editable=False)
    unsubscribed_at = models.DateTimeField("désinscrit le", null=True, blank=True, editable=False)
    bounced_at = models.DateTimeField("en erreur depuis le", null=True, blank=True)
    bounce_reason = models.CharField("erreur du serveur", max_length=500, blank=True)

    objects = SubscriberQuerySet.as_manager()

    panels = [
        FieldPanel("email", read_only=True),
        FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")]),
        FieldPanel("kind"),
        FieldPanel("themes"),
        MultiFieldPanel(
            [
                FieldPanel("status", read_only=True),
                FieldPanel("paused"),
                FieldPanel("bounced_at", read_only=True),
                FieldPanel("bounce_reason", read_only=True),
            ],
            heading="Réception",
        ),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "abonné"
        verbose_name_plural = "abonnés"

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_receiving(self) -> bool:
        return self.status == SubscriberStatus.ACTIVE and not self.paused

    def confirmation_state(self) -> str:
        """Changes once the address is confirmed: confirmation links are single-use."""
        confirmed = self.confirmed_at.isoformat() if self.confirmed_at else ""
        return f"{self.status}|{confirmed}"

    def management_state(self) -> str:
        """Links to the preferences stay valid as long as the address is the same."""
        return self.email


def normalise_email(address: str) -> str:
    return (address or "").strip().lower()


class ConsentAction(models.TextChoices):
    SIGNUP = "signup", "Inscription"
    CONFIRM = "confirm", "Confirmation de l'adresse"
    RESUBSCRIBE = "resubscribe", "Réabonnement"
    UNSUBSCRIBE = "unsubscribe", "Désinscription"


class ConsentRecord(models.Model):
    """Proof of consent: when, through which form, with which wording, from where.

    The address of the client is kept truncated (its last bytes blanked): enough
    to tell an abuse apart, not enough to single anyone out.
    """

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consents", verbose_name="abonné"
    )
    action = models.CharField("action", max_length=20, choices=ConsentAction.choices)
    recorded_at = models.DateTimeField("date", default=timezone.now)
    source = models.CharField("formulaire", max_length=40, blank=True)
    wording = models.TextField("texte affiché", blank=True)
    ip_address = models.GenericIPAddressField("adresse IP tronquée", null=True, blank=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
        verbose_name = "consentement"
        verbose_name_plural = "consentements"

    def __str__(self):
        return f"{self.get_action_display()} — {self.recorded_at:%d/%m/%Y %H:%M}"
