"""The forms of « Mon compte »: one's name and role, deleting one's account."""

from django import forms

from core.forms import PlainTextField, PublicForm

from .models import Representative


class ProfileForm(PublicForm):
    full_name = PlainTextField(label="Prénom et nom", max_length=150)
    role = forms.ChoiceField(
        label="Vous êtes",
        choices=Representative.Role.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Indiquez si vous êtes élu ou agent de la collectivité.",
            "invalid_choice": "Indiquez si vous êtes élu ou agent de la collectivité.",
        },
    )
    position = PlainTextField(
        label="Intitulé de votre poste ou de votre mandat",
        help_text="Par exemple : adjointe à la démocratie participative, chargé de mission "
        "participation citoyenne.",
        max_length=150,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].error_messages["required"] = "Indiquez votre prénom et votre nom."


class AccountDeleteForm(PublicForm):
    confirmation = forms.BooleanField(
        label="Je comprends que mon compte sera supprimé définitivement.",
        error_messages={
            "required": "Cochez cette case pour confirmer la suppression de votre compte."
        },
    )
