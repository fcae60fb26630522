"""The collectivité field any form can use, and the account forms."""

from typing import NamedTuple

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.core.exceptions import ValidationError
from django.urls import reverse
from dsfr.forms import DsfrBaseForm

from core import login_throttle as throttle
from core.admin_login import ThrottledPasswordResetMixin
from core.forms import PlainTextField, PublicForm

from .models import Collectivite, Representative
from .names import normalise_email
from .selectors import (
    MAX_QUERY_LENGTH,
    Resolution,
    collectivite_get,
    collectivite_resolve,
    representative_is_suspended,
)
from .services import account_send_password_reset

KIND_NAMES = {
    Collectivite.Kind.COMMUNE: "commune",
    Collectivite.Kind.EPCI: "intercommunalité",
    Collectivite.Kind.DEPARTEMENT: "département",
    Collectivite.Kind.REGION: "région",
}


def describe(collectivite: Collectivite) -> str:
    """« Saint-Martin (32), commune, code INSEE 32389 »: enough to tell namesakes apart."""
    if collectivite.kind in (Collectivite.Kind.DEPARTEMENT, Collectivite.Kind.REGION):
        return f"{collectivite.label}, {collectivite.code_label}"  # the label names the kind
    return f"{collectivite.label}, {KIND_NAMES[collectivite.kind]}, {collectivite.code_label}"


def _grouped(digits: str) -> str:
    """« 217 500 016 »: a SIREN as people read it."""
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


# --- The collectivité field ------------------------------------------------------------


class CollectiviteChoice(NamedTuple):
    """What the field received: the typed text and the id the autocomplete chose."""

    text: str
    chosen_id: str = ""


class CollectiviteInput(forms.TextInput):
    """A text input; ``collectivite-autocomplete.js`` turns it into an accessible combobox.

    The id of the option picked travels in a hidden ``<name>_choix`` input; without
    JavaScript only the text is sent and the server works out what it designates.
    """

    template_name = "collectivites/widgets/collectivite_input.html"

    class Media:
        css = {"all": ["collectivites/collectivite-autocomplete.css"]}
        js = [
            forms.Script("js/combobox.js", defer=True),
            forms.Script("js/collectivite-autocomplete.js", defer=True),
        ]

    def __init__(self, attrs=None, kinds=None):
        defaults = {"autocomplete": "off", "spellcheck": "false", "maxlength": MAX_QUERY_LENGTH}
        super().__init__({**defaults, **(attrs or {})})
        self.kinds = list(kinds or [])

    def value_from_datadict(self, data, files, name):
        return CollectiviteChoice(
            str(data.get(name) or "")[: MAX_QUERY_LENGTH * 2],
            str(data.get(f"{name}_choix") or "")[:20],
        )

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_choix" not in data

    def format_value(self, value):
        if isinstance(value, CollectiviteChoice):
            return value.text or None
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen_id = value.chosen_id if isinstance(value, CollectiviteChoice) else ""
        url = reverse("collectivite-search")
        if self.kinds:
            url += "?types=" + ",".join(self.kinds)
        context["widget"].update(
            {"choice_name": f"{name}_choix", "chosen_id": chosen_id, "search_url": url}
        )
        return context


class CollectiviteField(forms.Field):
    """Cleans to a current ``Collectivite`` from a choice, a SIREN, a code or a name.

    ``kinds`` limits the choice (e.g. ``["commune", "epci"]``). A SIREN typed by hand
    may contain spaces, dots or dashes; its length and key are checked.
    """

    widget = CollectiviteInput
    default_error_messages = {
        "required": "Indiquez votre collectivité : son nom, son code postal, son code INSEE "
        "ou son numéro SIREN.",
        "siren_length": "Un numéro SIREN compte 9 chiffres ; vous en avez saisi {count}. "
        "Vous pouvez aussi saisir le nom de votre collectivité.",
        "siren_key": "Le numéro SIREN {siren} n'est pas valide : son dernier chiffre (la clé de "
        "contrôle) ne correspond pas aux autres. Vérifiez-le, ou saisissez le nom de votre "
        "collectivité.",
        "siren_unknown": "Aucune collectivité de la liste officielle n'a le numéro SIREN "
        "{siren}. Vérifiez-le, ou saisissez le nom de votre collectivité.",
        "code_unknown": "Aucune collectivité ne correspond au code « {code} ». Saisissez un "
        "code postal, un code INSEE ou un numéro SIREN, ou le nom de votre collectivité.",
        "ambiguous": "Plusieurs collectivités correspondent : {candidates}. Choisissez la "
        "vôtre dans la liste, ou saisissez son code INSEE ou son numéro SIREN.",
        "suggestions": "Aucune collectivité ne porte exactement ce nom. Vouliez-vous dire : "
        "{candidates} ? Saisissez son nom complet, son code INSEE ou son numéro SIREN.",
        "not_found": "Aucune collectivité de la liste officielle ne porte ce nom. Vérifiez "
        "l'orthographe, ou saisissez son code postal, son code INSEE ou son numéro SIREN.",
        "too_short": "Saisissez au moins deux lettres du nom de votre collectivité, ou son code.",
    }

    def __init__(self, *, kinds=None, **kwargs):
        kwargs.setdefault("label", "Votre collectivité")
        kwargs.setdefault(
            "help_text",
            "Tapez son nom, son code postal, son code INSEE ou son numéro SIREN, "
            "puis choisissez-la dans la liste.",
        )
        super().__init__(**kwargs)
        self.kinds = list(kinds or [])
        self.widget.kinds = self.kinds

    def prepare_value(self, value):
        if isinstance(value, Collectivite):
            return CollectiviteChoice(value.label, str(value.pk))
        if isinstance(value, int) and not isinstance(value, bool):
            # A model form's initial value is the id.
            found = collectivite_get(pk=value)
            return CollectiviteChoice(found.label, str(found.pk)) if found else None
        return value

    def to_python(self, value):
        if isinstance(value, Collectivite) or value in self.empty_values:
            return value or None
        choice = value if isinstance(value, CollectiviteChoice) else CollectiviteChoice(str(value))
        # Null characters are not text: made only of them, the field is empty.
        choice = choice._replace(text=choice.text.replace("\x00", ""))
        if not choice.text.strip():
            return None
        resolution = collectivite_resolve(
            text=choice.text, kinds=self.kinds, chosen_id=choice.chosen_id
        )
        if resolution.collectivite is not None:
            return resolution.collectivite
        if resolution.problem == "empty":
            # Only spaces or null characters in what is read of the text (its start).
            return None
        raise self._error(resolution)

    def _error(self, resolution: Resolution) -> ValidationError:
        code = resolution.problem
        if code == "not_found" and resolution.candidates:
            code = "suggestions"
        message = self.error_messages[code].format(
            count=len(resolution.digits),
            siren=_grouped(resolution.digits),
            code=resolution.digits,
            candidates=" ; ".join(describe(c) for c in resolution.candidates),
        )
        return ValidationError(message, code=code)

    def has_changed(self, initial, data):
        try:
            new = self.to_python(data)
        except ValidationError:
            return True
        old = initial.pk if isinstance(initial, Collectivite) else initial
        return str(old or "") != str(new.pk if new else "")


# --- Account forms ----------------------------------------------------------------------


class DsfrForm(DsfrBaseForm):
    """DSFR rendering and the error summary of public forms, without the honeypot."""

    get_context = PublicForm.get_context
    error_summary = PublicForm.error_summary


class RepresentativeIdentityForm(PublicForm):
    """Who the representative is: asked at sign-up and changed in « Mon compte »."""

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


class SignupForm(RepresentativeIdentityForm):
    collectivite = CollectiviteField(label="Votre collectivité")
    email = forms.EmailField(
        label="Adresse e-mail professionnelle",
        help_text="Format attendu : prenom.nom@collectivite.fr. Une adresse à l'un des noms de "
        "domaine de votre collectivité permet une validation immédiate.",
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label="Mot de passe",
        help_text="Au moins 8 caractères, pas uniquement des chiffres, ni trop courant, ni "
        "trop proche de votre nom ou de votre adresse.",
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirmation = forms.CharField(
        label="Confirmation du mot de passe",
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    attestation = forms.BooleanField(
        label="J'atteste être élu ou agent de cette collectivité et agir en son nom sur "
        "Territoires en Commun.",
        error_messages={
            "required": "Cochez cette case pour attester que vous représentez cette collectivité."
        },
    )

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def error_summary(self):
        # Radio buttons have no single id: link the summary to the first of them.
        summary = []
        for field_id, label, message in super().error_summary():
            if not field_id and message in self.errors.get("role", []):
                field_id, label = f"{self['role'].auto_id}_0", str(self["role"].label)
            summary.append((field_id, label, message))
        return summary

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password and cleaned.get("password_confirmation") != password:
            self.add_error(
                "password_confirmation", "Les deux mots de passe saisis ne sont pas identiques."
            )
        if password:
            email = cleaned.get("email", "")
            User = get_user_model()
            person = User(username=email, email=email, first_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password, person)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ResendConfirmationForm(DsfrForm):
    email = forms.EmailField(
        label="Adresse e-mail professionnelle",
        help_text="Format attendu : prenom.nom@collectivite.fr",
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class LoginForm(DsfrForm, AuthenticationForm):
    """E-mail and password; refused for a while after too many failures."""

    username = forms.CharField(
        label="Adresse e-mail",
        help_text="Format attendu : prenom.nom@collectivite.fr",
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label="Mot de passe",
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": "Adresse e-mail ou mot de passe incorrect. Après cinq erreurs, "
        "ce compte ne peut plus être essayé depuis votre connexion internet pendant une heure.",
        "inactive": "Ce compte est désactivé.",
        "suspended": "Ce compte a été suspendu par l'équipe de Territoires en Commun : vous ne "
        "pouvez plus vous connecter. Écrivez-nous si vous pensez qu'il s'agit d'une erreur.",
    }
    # Set when the login policy (core.login_throttle) refuses the attempt.
    refusal: throttle.LoginRefusal | None = None

    def clean(self):
        email = normalise_email(self.cleaned_data.get("username"))
        password = self.cleaned_data.get("password")
        if not (email and password):
            return self.cleaned_data
        self.cleaned_data["username"] = email
        self.refusal = throttle.login_refusal(self.request, username=email)
        if self.refusal:
            raise ValidationError(self.refusal.message, code="throttled")
        self.user_cache = authenticate(self.request, username=email, password=password)
        if self.user_cache is None:
            throttle.login_failed(self.request, username=email)
            if representative_is_suspended(email=email, password=password):
                raise ValidationError(self.error_messages["suspended"], code="suspended")
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login")
        self.confirm_login_allowed(self.user_cache)
        throttle.login_succeeded(self.request, username=email)
        return self.cleaned_data


class LocalisedPasswordResetForm(ThrottledPasswordResetMixin, DsfrForm, PasswordResetForm):
    email = forms.EmailField(
        label="Adresse e-mail",
        help_text="Format attendu : prenom.nom@collectivite.fr",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Our mail queue (after commit, retried) and the site's own address in the link.
        account_send_password_reset(user=context["user"], token=context["token"], email=to_email)

    def get_users(self, email):
        return super().get_users(normalise_email(email))


class LocalisedSetPasswordForm(DsfrForm, SetPasswordForm):
    pass


class LocalisedPasswordChangeForm(DsfrForm, PasswordChangeForm):
    pass
