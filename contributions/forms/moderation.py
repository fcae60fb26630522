"""The moderators' forms in the admin: why a proposal is declined or a duplicate."""

from django import forms


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Motif, envoyé au contributeur",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class DuplicateForm(forms.Form):
    duplicate_of = forms.CharField(
        label="Doublon de",
        max_length=300,
        help_text="Le titre ou l'adresse du contenu déjà présent.",
    )
    reason = forms.CharField(
        label="Message au contributeur (facultatif)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
