"""The parts of an event beside its dates: where and how one attends, who can,
who organises and how to register. Abstract models mixed into ``EventPage``,
each with the errors it finds in French, returned all at once."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .choices import Accessibility, Country, EventFormat, RegistrationMode


class AttendanceMixin(models.Model):
    """Présentiel, en ligne or hybride; the address, in France or abroad."""

    postal_code = models.CharField("code postal", max_length=20, blank=True)
    country = models.CharField(
        "pays", max_length=2, choices=Country.choices, default=Country.FRANCE
    )

    class Meta:
        abstract = True

    @property
    def is_abroad(self) -> bool:
        return bool(self.country) and self.country != Country.FRANCE

    def attendance_errors(self) -> dict[str, str]:
        errors = {}
        online = self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID)
        if online and not self.online_url:
            mode = "en ligne" if self.event_format == EventFormat.ONLINE else "hybride"
            errors["online_url"] = (
                f"Indiquez le lien de connexion ou de diffusion : l'événement est {mode}."
            )
        in_person = self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID)
        if in_person and self.is_abroad:
            if not self.city:
                errors["city"] = "Indiquez la ville : l'événement a lieu hors de France."
            if not self.address:
                errors["address"] = "Indiquez l'adresse : l'événement a lieu hors de France."
        if self.is_abroad and getattr(self, "departement", ""):
            errors["departement"] = (
                "Un événement hors de France n'a pas de département : laissez ce champ vide."
            )
        return errors


class AccessibilityMixin(models.Model):
    """What the event offers people with disabilities, and to whom it speaks."""

    access_reduced_mobility = models.BooleanField(
        Accessibility.REDUCED_MOBILITY.label, default=False
    )
    access_sign_language = models.BooleanField(Accessibility.SIGN_LANGUAGE.label, default=False)
    access_subtitles = models.BooleanField(Accessibility.SUBTITLES.label, default=False)
    access_induction_loop = models.BooleanField(Accessibility.INDUCTION_LOOP.label, default=False)
    access_easy_read = models.BooleanField(Accessibility.EASY_READ.label, default=False)
    audiences = ParentalManyToManyField(
        "resources.Audience", verbose_name="publics", blank=True, related_name="events"
    )

    accessibility_panel = MultiFieldPanel(
        [
            *(FieldPanel(name) for name in Accessibility.values),
            FieldPanel("accessibility"),
        ],
        heading="Accessibilité",
    )

    class Meta:
        abstract = True

    @property
    def accessibility_features(self) -> list[str]:
        """The labels of what is offered, in the order of ``Accessibility``."""
        return [str(choice.label) for choice in Accessibility if getattr(self, choice.value)]


class RegistrationMixin(models.Model):
    """Co-organisers, and how to register: a link, an e-mail, or on the site."""

    co_organisers = ParentalManyToManyField(
        "core.Partner",
        verbose_name="co-organisateurs (partenaires)",
        blank=True,
        related_name="co_organised_events",
    )
    registration_mode = models.CharField(
        "inscription",
        max_length=10,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
        blank=True,
    )
    registration_email = models.EmailField("e-mail d'inscription", blank=True)
    capacity = models.PositiveIntegerField(
        "nombre de places",
        null=True,
        blank=True,
        help_text="Pour l'inscription sur le site ; laisser vide pour un nombre illimité.",
    )
    waiting_list = models.BooleanField(
        "liste d'attente",
        default=False,
        help_text="Une fois les places prises, inscrire les suivants en liste d'attente.",
    )

    registration_panel = MultiFieldPanel(
        [
            FieldPanel("organiser"),
            FieldPanel("organiser_name"),
            FieldPanel("co_organisers"),
            FieldPanel("audiences"),
            FieldPanel("registration_mode"),
            FieldPanel("registration_url"),
            FieldPanel("registration_email"),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
        ],
        heading="Organisation, publics et inscription",
    )

    class Meta:
        abstract = True

    @property
    def registers_on_site(self) -> bool:
        return self.registration_mode == RegistrationMode.SITE

    def registration_errors(self) -> dict[str, str]:
        errors = {}
        if self.registration_mode == RegistrationMode.LINK and not self.registration_url:
            errors["registration_url"] = "Indiquez le lien du formulaire d'inscription."
        if self.registration_mode == RegistrationMode.EMAIL and not self.registration_email:
            errors["registration_email"] = "Indiquez l'adresse e-mail à laquelle s'inscrire."
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = (
                "Indiquez au moins une place, ou laissez vide pour un nombre illimité."
            )
        if self.waiting_list and self.registration_mode != RegistrationMode.SITE:
            errors["waiting_list"] = (
                "La liste d'attente ne vaut que pour l'inscription sur Territoires en Commun."
            )
        return errors
