"""The forms of « Mon compte »: one's name and role, deleting one's account."""

from django import forms

from core.forms import PublicForm

from .forms import RepresentativeIdentityForm


class ProfileForm(RepresentativeIdentityForm):
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
