"""The public forms: propose a resource, an event, a project; state a need to the ANCT."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone

from core.documents import validate_document
from core.filters import check_id
from core.forms import PlainTextareaField, PlainTextField, PublicForm
from core.geography import DEPARTEMENT_CHOICES
from events.models import EventFormat
from resources.models import ResourceKind
from themes.models import ThemePage

from .models import NeedRequest

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def published_themes():
    """Published thématiques, the coming ones included, newest month first."""
    return ThemePage.objects.live().public().order_by("-month", "title")


BLANK_CHOICE = [("", "Sélectionner une option")]


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """Published thématiques, the coming ones included, newest month first."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        # The real queryset is set per form: public() reads the database.
        super().__init__(queryset=ThemePage.objects.none(), **kwargs)

    def label_from_instance(self, theme):
        return f"{theme.title} ({theme.month_label})"

    def _check_values(self, value):
        # Ids no database can hold are an ordinary error, not an overflow.
        for item in value:
            check_id(self, item)
        return super()._check_values(value)


class ThemeField(forms.ModelChoiceField):
    def to_python(self, value):
        check_id(self, value)
        return super().to_python(value)


class HttpsURLField(forms.URLField):
    """A web address; « www.exemple.fr » is completed with https://."""

    default_error_messages = {
        "invalid": "Saisissez une adresse web complète, par exemple https://www.exemple.fr."
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)


class ContributorForm(PublicForm):
    """Who proposes: shared by the three kinds of contribution."""

    contributor_name = PlainTextField(label="Nom et prénom", max_length=150)
    organisation = PlainTextField(
        label="Collectivité ou organisation",
        max_length=200,
        help_text="Par exemple « Ville de Rezé » ou « Association Les Petits Débrouillards ».",
    )
    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        help_text="Vous y recevrez le lien de confirmation puis le suivi de votre proposition. Format attendu : nom@domaine.fr",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent_contact = forms.BooleanField(
        label="J'accepte que l'équipe de Territoires en Commun me contacte au sujet de cette proposition.",
        required=False,
    )

    kind = ""
    # The contributor's fields come last in the page: the proposal first.
    contributor_fields = ["contributor_name", "organisation", "email", "consent_contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributor_name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        if "themes" in self.fields:
            self.fields["themes"].queryset = published_themes()

    def proposal_fields(self):
        skip = {*self.contributor_fields, self.honeypot_field}
        return [self[name] for name in self.fields if name not in skip]

    def contributor_bound_fields(self):
        return [self[name] for name in self.contributor_fields]


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

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            validate_document(document)
        return document

    def clean(self):
        cleaned = super().clean()
        missing = not cleaned.get("url") and not cleaned.get("document")
        if missing and "url" not in self.errors and "document" not in self.errors:
            self.add_error("url", "Indiquez un lien vers la ressource ou joignez un document.")
        return cleaned


class EventContributionForm(ContributorForm):
    kind = "evenement"

    title = PlainTextField(label="Nom de l'événement", max_length=255)
    summary = PlainTextareaField(
        label="Présentation en quelques phrases",
        max_length=400,
        help_text="Reprise dans l'agenda. 400 caractères au plus.",
    )
    description = PlainTextareaField(
        label="Programme et informations pratiques", required=False, max_length=5000
    )
    start_date = forms.DateField(
        label="Date de début",
        help_text="Format attendu : JJ/MM/AAAA",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    start_time = forms.TimeField(
        label="Heure de début",
        required=False,
        help_text="Heure de Paris, par exemple 14:00. Laisser vide pour une journée entière.",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_date = forms.DateField(
        label="Date de fin",
        required=False,
        help_text="Pour un événement sur plusieurs jours. Format attendu : JJ/MM/AAAA",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    end_time = forms.TimeField(
        label="Heure de fin",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    event_format = forms.ChoiceField(
        label="Format",
        choices=EventFormat.choices,
        widget=forms.RadioSelect,
        initial="presentiel",
    )
    venue = PlainTextField(
        label="Lieu",
        required=False,
        max_length=200,
        help_text="Par exemple « Salle des fêtes ».",
    )
    address = PlainTextField(label="Adresse", required=False, max_length=250)
    city = PlainTextField(label="Ville", required=False, max_length=120)
    departement = forms.ChoiceField(
        label="Département", required=False, choices=BLANK_CHOICE + list(DEPARTEMENT_CHOICES)
    )
    online_url = HttpsURLField(
        label="Lien de connexion ou de diffusion",
        required=False,
        help_text="Pour un événement en ligne ou hybride. Format attendu : https://…",
    )
    organiser_name = PlainTextField(
        label="Organisateur",
        required=False,
        max_length=250,
        help_text="Laisser vide si c'est votre organisation.",
    )
    registration_url = HttpsURLField(label="Lien d'inscription ou d'information", required=False)
    themes = ThemeChoiceField(label="Thématiques concernées", required=False)

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        today = timezone.localdate()
        if start < today - datetime.timedelta(days=1):
            raise ValidationError("L'événement doit avoir lieu aujourd'hui ou plus tard.")
        if start.year > today.year + 5:
            raise ValidationError("Indiquez une date dans les cinq prochaines années.")
        return start

    def clean(self):
        cleaned = super().clean()
        start_date = cleaned.get("start_date")
        if start_date is None:
            return cleaned
        start_time, end_time = cleaned.get("start_time"), cleaned.get("end_time")
        end_date = cleaned.get("end_date") or start_date
        all_day = start_time is None
        start = _paris(start_date, start_time or datetime.time.min)
        end = _paris(end_date, end_time or (datetime.time.max if all_day else start_time))
        if end_date < start_date:
            self.add_error("end_date", "La date de fin doit venir après la date de début.")
        elif end < start:
            self.add_error("end_time", "L'heure de fin doit venir après l'heure de début.")
        fmt = cleaned.get("event_format")
        if fmt in ("presentiel", "hybride") and not (
            cleaned.get("city") or cleaned.get("departement")
        ):
            self.add_error("city", "Indiquez la ville ou le département où a lieu l'événement.")
        if fmt in ("en_ligne", "hybride") and not (
            cleaned.get("online_url") or cleaned.get("registration_url")
        ):
            self.add_error(
                "online_url", "Indiquez le lien de connexion, ou à défaut le lien d'inscription."
            )
        cleaned.update(start=start, end=end, all_day=all_day)
        return cleaned


def _paris(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time.replace(microsecond=0), tzinfo=PARIS)


class ProjectContributionForm(ContributorForm):
    kind = "projet"

    title = PlainTextField(label="Nom du projet", max_length=255)
    territory = PlainTextField(
        label="Collectivité ou territoire",
        max_length=200,
        help_text="Où le projet a lieu, par exemple « Ville de Rezé » ou « Val-de-Marne ».",
    )
    departement = forms.ChoiceField(
        label="Département", required=False, choices=BLANK_CHOICE + list(DEPARTEMENT_CHOICES)
    )
    summary = PlainTextareaField(
        label="Le projet en quelques phrases",
        max_length=1000,
        help_text="Ce qui a été fait, avec qui, pourquoi c'est inspirant. 1 000 caractères au plus.",
    )
    description = PlainTextareaField(
        label="Récit détaillé",
        required=False,
        max_length=10000,
        help_text="Étapes, moyens, résultats, difficultés rencontrées. 10 000 caractères au plus.",
    )
    url = HttpsURLField(label="Lien pour en savoir plus", required=False)
    themes = ThemeChoiceField(label="Thématiques concernées", required=False)


CONTRIBUTION_FORMS = {
    form.kind: form
    for form in (ResourceContributionForm, EventContributionForm, ProjectContributionForm)
}


# -- « Préciser mon besoin » -------------------------------------------------------------


phone_validator = RegexValidator(
    r"^\+?[0-9 .\-()]{6,25}$",
    "Saisissez un numéro de téléphone, par exemple 01 23 45 67 89.",
)


def collectivite_field():
    """The collectivités list with its autocomplete, when the accounts app provides it."""
    try:
        from collectivites.forms import CollectiviteField
    except ImportError:
        return None

    class NullSafeCollectiviteField(CollectiviteField):
        # Text made only of null characters reached the shared field's lookup as « empty »,
        # a case it has no message for: drop them first (reported to its owners).
        def to_python(self, value):
            if hasattr(value, "_replace") and hasattr(value, "text"):
                value = value._replace(text=value.text.replace("\x00", ""))
            elif isinstance(value, str):
                value = value.replace("\x00", "")
            return super().to_python(value)

    return NullSafeCollectiviteField(
        label="Votre collectivité",
        required=False,
        help_text="Commencez à saisir son nom ou son code postal, puis choisissez-la dans la liste.",
    )


class NeedRequestForm(PublicForm):
    structure_name = PlainTextField(
        label="Autre structure",
        required=False,
        max_length=200,
        help_text="Si votre structure n'est pas une collectivité de la liste : son nom.",
    )
    contact_name = PlainTextField(label="Nom et prénom", max_length=150)
    role = PlainTextField(
        label="Fonction",
        max_length=150,
        help_text="Par exemple « maire adjointe » ou « chargé de mission participation ».",
    )
    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        help_text="Format attendu : nom@domaine.fr",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = PlainTextField(
        label="Téléphone",
        required=False,
        max_length=25,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    theme = ThemeField(
        label="Thématique",
        required=False,
        queryset=ThemePage.objects.none(),
        empty_label="Sélectionner une thématique",
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

    field_order = [
        "collectivite",
        "structure_name",
        "contact_name",
        "role",
        "email",
        "phone",
        "theme",
        "stage",
        "subject",
        "message",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = collectivite_field()
        if field is not None:
            self.fields["collectivite"] = field
            self.order_fields(self.field_order)
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["role"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["theme"].queryset = published_themes()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("collectivite") and not cleaned.get("structure_name"):
            target = "collectivite" if "collectivite" in self.fields else "structure_name"
            if target not in self.errors:
                self.add_error(
                    target,
                    "Choisissez votre collectivité dans la liste ou indiquez le nom de votre structure.",
                )
        return cleaned


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
