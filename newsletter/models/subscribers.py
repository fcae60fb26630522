"""Who receives the newsletter, and the record of what each of them agreed to."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class SubscriberKind(models.TextChoices):
    COLLECTIVITE = "collectivite", _("Collectivité territoriale")
    PARTNER = "partenaire", _("Partenaire ou réseau")
    ASSOCIATION = "association", _("Association")
    STATE = "etat", _("Services de l'État")
    CITIZEN = "citoyen", _("Citoyenne ou citoyen")
    OTHER = "autre", _("Autre")


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("En attente de confirmation")
    ACTIVE = "active", _("Abonné")
    UNSUBSCRIBED = "unsubscribed", _("Désinscrit")
    BOUNCED = "bounced", _("Adresse en erreur")


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

    email = models.EmailField(_("adresse e-mail"), unique=True)
    name = models.CharField(_("nom"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    kind = models.CharField(_("profil"), max_length=20, choices=SubscriberKind.choices, blank=True)
    themes = models.ManyToManyField(
        "themes.ThemePage",
        verbose_name=_("thématiques qui l'intéressent"),
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    paused = models.BooleanField(
        _("envois suspendus"),
        default=False,
        help_text=_("L'abonné a mis ses envois en pause depuis ses préférences."),
    )
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True, editable=False)
    unsubscribed_at = models.DateTimeField(
        _("désinscrit le"), null=True, blank=True, editable=False
    )
    bounced_at = models.DateTimeField(_("en erreur depuis le"), null=True, blank=True)
    bounce_reason = models.CharField(_("erreur du serveur"), max_length=500, blank=True)

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
            heading=_("Réception"),
        ),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("abonné")
        verbose_name_plural = _("abonnés")

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
    SIGNUP = "signup", _("Inscription")
    CONFIRM = "confirm", _("Confirmation de l'adresse")
    RESUBSCRIBE = "resubscribe", _("Réabonnement")
    UNSUBSCRIBE = "unsubscribe", _("Désinscription")


class ConsentRecord(models.Model):
    """Proof of consent: when, through which form, with which wording, from where.

    The address of the client is kept truncated (its last bytes blanked): enough
    to tell an abuse apart, not enough to single anyone out.
    """

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consents", verbose_name=_("abonné")
    )
    action = models.CharField(_("action"), max_length=20, choices=ConsentAction.choices)
    recorded_at = models.DateTimeField(_("date"), default=timezone.now)
    source = models.CharField(_("formulaire"), max_length=40, blank=True)
    wording = models.TextField(_("texte affiché"), blank=True)
    ip_address = models.GenericIPAddressField(_("adresse IP tronquée"), null=True, blank=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
        verbose_name = _("consentement")
        verbose_name_plural = _("consentements")

    def __str__(self):
        return f"{self.get_action_display()} — {self.recorded_at:%d/%m/%Y %H:%M}"
