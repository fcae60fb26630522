"""Proposing a resource: a guide, a study, a tool… with a link or a document."""

from django import forms

from core.documents import validate_document
from core.forms import PlainTextareaField, PlainTextField
from resources.models import ResourceKind

from .bases import BLANK_CHOICE, ContributorForm, HttpsURLField, ThemeChoiceField


class ResourceContributionForm(ContributorForm):
    kind = "ressource"

    title = PlainTextField(label="Titre de la ressource", max_length=255)
    resource_kind = forms.ChoiceField(
        label="Type de ressource", choices=BLANK_CHOICE + list(ResourceKind.choices)
    )
    summary = PlainTextareaField(
        label="Résumé",
        max_length=1000,
        help_text="En quelques phrases : de quoi parle la ressource, à qui elle sert. 1 000 caractères au plus.",
    )
    url = HttpsURLField(
        label="Lien vers la ressource",
        required=False,
        help_text="La page où la lire ou la télécharger. Format attendu : https://www.exemple.fr/guide",
    )
    document = forms.FileField(
        label="Ou document à joindre",
        required=False,
        help_text="Sans lien, joignez le document : PDF, ODT ou DOCX, 20 Mo au plus.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.odt,.docx"}),
    )
    themes = ThemeChoiceField(
        label="Thématiques concernées",
        required=False,
        help_text="Y compris les prochaines thématiques d'inspiration.",
    )

    field_order = ["title", "resource_kind", "summary", "url", "document", "themes"]
    # When correcting a proposal: the name of the document sent first, which stays if
    # no other is joined.
    kept_document = ""

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            validate_document(document)
        return document

    def clean(self):
        cleaned = super().clean()
        missing = not (cleaned.get("url") or cleaned.get("document") or self.kept_document)
        if missing and "url" not in self.errors and "document" not in self.errors:
            self.add_error("url", "Indiquez un lien vers la ressource ou joignez un document.")
        return cleaned
