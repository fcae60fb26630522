"""The registration form of an event that takes its registrations on the site."""

from django import forms

from core.forms import PlainTextField, PublicForm


class RegistrationForm(PublicForm):
    name = PlainTextField(
        label="Prénom et nom",
        max_length=150,
        error_messages={"required": "Indiquez vos prénom et nom."},
    )
    email = forms.EmailField(
        label="Adresse e-mail",
        help_text="La confirmation de votre inscription y sera envoyée. Format : nom@domaine.fr",
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Indiquez une adresse e-mail au format nom@domaine.fr.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = PlainTextField(
        label="Organisation ou collectivité",
        max_length=200,
        required=False,
    )
    occurrence = forms.TypedChoiceField(
        label="Date",
        coerce=int,
        error_messages={
            "required": "Choisissez la date à laquelle vous inscrire.",
            "invalid_choice": "Choisissez une des dates proposées.",
        },
    )

    def __init__(self, *args, occurrences=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(occurrence.pk, occurrence.when) for occurrence in occurrences]
        self.fields["occurrence"].choices = choices
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        if len(choices) == 1:
            self.fields["occurrence"].widget = forms.HiddenInput()
            self.fields["occurrence"].initial = choices[0][0]
