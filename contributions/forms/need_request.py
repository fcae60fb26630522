"""« Préciser mon besoin »: a collectivité tells the ANCT what help it expects."""

from django import forms
from django.core.validators import RegexValidator

from collectivites.forms import CollectiviteField
from core.forms import PlainTextareaField, PlainTextField, PublicForm

from ..models import NeedRequest
from .bases import (
    ThemeField,
    email_field,
    mark_optional_fields,
    person_name_field,
    set_published_themes,
)

phone_validator = RegexValidator(
    r"^\+?[0-9 .\-()]{6,25}$",
    "Saisissez un numéro de téléphone, par exemple 01 23 45 67 89.",
)


class NeedRequestForm(PublicForm):
    collectivite = CollectiviteField(
        label="Votre collectivité",
        required=False,
        help_text="Commencez à saisir son nom ou son code postal, puis choisissez-la dans la liste.",
    )
    structure_name = PlainTextField(
        label="Autre structure",
        required=False,
        max_length=200,
        help_text="Si votre structure n'est pas une collectivité de la liste : son nom.",
    )
    contact_name = person_name_field()
    role = PlainTextField(
        label="Fonction",
        max_length=150,
        help_text="Par exemple « maire adjointe » ou « chargé de mission participation ».",
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    email = email_field(help_text="Format attendu : nom@domaine.fr")
    phone = PlainTextField(
        label="Téléphone",
        required=False,
        max_length=25,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    theme = ThemeField(
        label="Thématique", required=False, empty_label="Sélectionner une thématique"
    )
    stage = forms.ChoiceField(
        label="Où en est votre projet ?",
        choices=NeedRequest.Stage.choices,
        widget=forms.RadioSelect,
    )
    subject = PlainTextField(
        label="Objet de votre demande", max_length=200, help_text="En une phrase."
    )
    message = PlainTextareaField(
        label="Votre besoin",
        max_length=5000,
        help_text="Le contexte, ce que vous avez déjà fait, ce que vous attendez de l'ANCT. 5 000 caractères au plus.",
    )

    field_order = NeedRequest.SUBMITTED_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        set_published_themes(self)
        mark_optional_fields(self)

    def clean(self):
        cleaned = super().clean()
        missing = not cleaned.get("collectivite") and not cleaned.get("structure_name")
        if missing and "collectivite" not in self.errors:
            self.add_error(
                "collectivite",
                "Choisissez votre collectivité dans la liste ou indiquez le nom de votre structure.",
            )
        return cleaned
