"""Forms of the newsletter: sign up and preferences (public), send and assemble (admin)."""

from django import forms
from django.core.validators import validate_email
from django.utils import timezone

from core.filters import check_id
from core.forms import PlainTextField, PublicForm
from themes.models import ThemePage

from .models import SubscriberKind

SIGNUP_WORDING = (
    "En vous abonnant, vous acceptez de recevoir chaque mois la newsletter de Territoires en "
    "Commun à cette adresse. Vous pourrez vous désinscrire à tout moment grâce au lien présent "
    "dans chaque lettre ou depuis vos préférences."
)
HOME_WORDING = (
    "En vous abonnant, vous acceptez de recevoir chaque mois la newsletter de Territoires en "
    "Commun à cette adresse, après l'avoir confirmée par e-mail. Vous pourrez vous désinscrire "
    "à tout moment."
)
CONFIRM_WORDING = "Je confirme vouloir recevoir la newsletter de Territoires en Commun."
RESUBSCRIBE_WORDING = "Je souhaite recevoir à nouveau la newsletter de Territoires en Commun."

# Where a sign-up came from and the wording that form shows, recorded with the consent.
SIGNUP_SOURCES = {"page": "page Newsletter", "accueil": "page d'accueil"}
SIGNUP_WORDINGS = {"page": SIGNUP_WORDING, "accueil": HOME_WORDING}
MAX_TEST_ADDRESSES = 5


def published_themes():
    return ThemePage.objects.live().public().order_by("-month", "title")


class ThemesField(forms.ModelMultipleChoiceField):
    """Published themes, newest first; ids no database can hold are refused, not crashed on."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(queryset=ThemePage.objects.none(), **kwargs)

    def _check_values(self, value):
        for item in value:
            check_id(self, item)
        return super()._check_values(value)

    def label_from_instance(self, theme):
        return theme.title


class SubscriberDetailsForm(PublicForm):
    name = PlainTextField(label="Nom et prénom", required=False, max_length=150)
    organisation = PlainTextField(
        label="Organisation",
        required=False,
        max_length=200,
        help_text="Collectivité, association, réseau, entreprise…",
    )
    kind = forms.ChoiceField(
        label="Vous êtes",
        required=False,
        choices=[("", "Sélectionner une option"), *SubscriberKind.choices],
    )
    themes = ThemesField(
        label="Thématiques qui vous intéressent",
        required=False,
        help_text="Pour mieux vous connaître ; vous recevrez la lettre en entier.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = published_themes()


class SignupForm(SubscriberDetailsForm):
    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        help_text="Format attendu : nom@domaine.fr",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["email", "name", "organisation", "kind", "themes"]

    def __init__(self, *args, source: str = "page", **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source if source in SIGNUP_SOURCES else "page"
        self.wording = SIGNUP_WORDINGS[self.source]
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"


class PreferencesForm(SubscriberDetailsForm):
    paused = forms.BooleanField(
        label="Suspendre mes envois",
        required=False,
        help_text="Vous restez abonné(e) mais ne recevez plus rien jusqu'à nouvel ordre.",
    )


class ScheduleForm(forms.Form):
    """Admin: when to send (the date-time is read in Paris time)."""

    scheduled_at = forms.DateTimeField(
        label="Date et heure d'envoi",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
    )

    def clean_scheduled_at(self):
        moment = self.cleaned_data["scheduled_at"]
        if moment < timezone.now():
            raise forms.ValidationError("Choisissez une date à venir, ou « Envoyer maintenant ».")
        return moment


class TrialForm(forms.Form):
    """Admin: « envoyer un test » to a few addresses."""

    addresses = forms.CharField(
        label="Adresses de test",
        max_length=1000,
        help_text="Jusqu'à cinq adresses, séparées par des virgules.",
    )

    def clean_addresses(self):
        addresses = [a.strip() for a in self.cleaned_data["addresses"].split(",") if a.strip()]
        if not addresses:
            raise forms.ValidationError("Indiquez au moins une adresse.")
        if len(addresses) > MAX_TEST_ADDRESSES:
            raise forms.ValidationError("Cinq adresses au plus.")
        for address in addresses:
            try:
                validate_email(address)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    "« %(address)s » n'est pas une adresse e-mail valide.",
                    params={"address": address[:100]},
                ) from error
        return addresses


class AssembleForm(forms.Form):
    month = forms.DateField(
        label="Mois de la lettre",
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m", "%Y-%m-%d", "%m/%Y"],
        help_text="Par exemple 2026-12 pour la lettre de décembre 2026.",
    )
