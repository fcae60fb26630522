"""What the public forms share: thématique choices, web addresses, the sender's fields."""

from django import forms

from core.filters import check_id
from core.forms import HONEYPOT_FIELD, OPTIONAL_MARK, PlainTextField, PublicForm
from core.geography import DEPARTEMENT_CHOICES
from themes.models import ThemePage

from ..selectors import theme_list_published

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
    """One published thématique (its queryset is set per form, like ThemeChoiceField's)."""

    def __init__(self, **kwargs):
        super().__init__(queryset=ThemePage.objects.none(), **kwargs)

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


def person_name_field() -> PlainTextField:
    return PlainTextField(
        label="Nom et prénom",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


def email_field(*, help_text: str) -> forms.EmailField:
    return forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def departement_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Département", required=False, choices=BLANK_CHOICE + list(DEPARTEMENT_CHOICES)
    )


def mark_optional_fields(form: forms.Form) -> None:
    """« (facultatif) » after the label of every field one may leave empty (a lone
    checkbox is optional by nature and says so itself)."""
    for name, field in form.fields.items():
        if field.required or name == HONEYPOT_FIELD or isinstance(field, forms.BooleanField):
            continue
        if not str(field.label).endswith(OPTIONAL_MARK):
            field.label = f"{field.label}{OPTIONAL_MARK}"
            form[name].label = field.label  # the bound field, made already, keeps a copy


def set_published_themes(form: forms.Form) -> None:
    """The thématique fields offer the published ones (read when the form is built)."""
    for name in ("themes", "theme"):
        if name in form.fields:
            form.fields[name].queryset = theme_list_published()


class ContributorForm(PublicForm):
    """Who proposes: shared by the three kinds of contribution."""

    contributor_name = person_name_field()
    organisation = PlainTextField(
        label="Collectivité ou organisation",
        max_length=200,
        help_text="Par exemple « Ville de Rezé » ou « Association Les Petits Débrouillards ».",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = email_field(
        help_text="Vous y recevrez le lien de confirmation puis le suivi de votre proposition. Format attendu : nom@domaine.fr",
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
        # As the page shows them (and the error summary lists them): the proposal first.
        self.order_fields(
            [name for name in self.fields if name not in self.contributor_fields]
            + self.contributor_fields
        )
        set_published_themes(self)
        mark_optional_fields(self)

    def proposal_fields(self):
        skip = {*self.contributor_fields, self.honeypot_field}
        return [self[name] for name in self.fields if name not in skip]

    def contributor_bound_fields(self):
        return [self[name] for name in self.contributor_fields if name in self.fields]
