"""Public forms of the votes: the ballot, a theme proposal, a project registration."""

from django import forms

from core.forms import PlainTextareaField, PlainTextField, PublicForm
from core.text import plural

from .models import Campaign, Candidate, ProjectRegistration
from .services.proposals import title_taken

THEME_NOT_ON_BALLOT = "Ce thème ne figure pas sur le bulletin de cette campagne."


class OptionLabel(str):
    """An option's text with a hint below it: django-dsfr's radio and checkbox
    templates show ``label.label`` and ``label.help_text``."""

    def __new__(cls, label, help_text=""):
        option = super().__new__(cls, label)
        option.label = str(label)
        option.help_text = str(help_text)
        return option


def _option_label(candidate: Candidate) -> OptionLabel:
    return OptionLabel(candidate.title, candidate.description)


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _option_label(obj)


class ThemesChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _option_label(obj)


class BallotForm(PublicForm):
    """One theme (radio buttons) or up to ``max_choices`` themes (checkboxes)."""

    def __init__(self, *args, campaign: Campaign, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        messages = {
            "required": "Choisissez un thème.",
            "invalid_choice": THEME_NOT_ON_BALLOT,
            "invalid_pk_value": THEME_NOT_ON_BALLOT,
            "invalid_list": THEME_NOT_ON_BALLOT,
        }
        if campaign.max_choices == 1:
            field = ThemeChoiceField(
                queryset=candidates,
                widget=forms.RadioSelect,
                empty_label=None,
                label=campaign.question,
                help_text="Choisissez un thème.",
                error_messages=messages,
            )
        else:
            field = ThemesChoiceField(
                queryset=candidates,
                widget=forms.CheckboxSelectMultiple,
                label=campaign.question,
                help_text=plural(
                    "Choisissez jusqu'à %(max)s thème.",
                    "Choisissez jusqu'à %(max)s thèmes.",
                    campaign.max_choices,
                )
                % {"max": campaign.max_choices},
                error_messages={**messages, "required": "Choisissez au moins un thème."},
            )
        self.fields = {"themes": field, **self.fields}

    def clean_themes(self):
        themes = self.cleaned_data["themes"]
        chosen = [themes] if isinstance(themes, Candidate) else list(themes)
        if len(chosen) > self.campaign.max_choices:
            raise forms.ValidationError(
                plural(
                    "Vous pouvez choisir au plus %(max)s thème : vous en avez coché %(count)s.",
                    "Vous pouvez choisir au plus %(max)s thèmes : vous en avez coché %(count)s.",
                    self.campaign.max_choices,
                )
                % {"max": self.campaign.max_choices, "count": len(chosen)}
            )
        return chosen


class ProposalForm(PublicForm):
    title = PlainTextField(
        label="Thème proposé",
        max_length=120,
        help_text="En quelques mots, par exemple « Accès aux soins ».",
    )
    description = PlainTextareaField(
        label="Pourquoi ce thème est-il une priorité pour votre territoire ?",
        max_length=1000,
        required=False,
        help_text="1 000 caractères au plus. Cette description figurera sur le bulletin.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Indiquez le thème que vous proposez.")
        if title_taken(self.campaign, title):
            raise forms.ValidationError(
                "Ce thème figure déjà parmi les thèmes proposés pour cette campagne."
            )
        return title


class RegistrationForm(PublicForm):
    role = forms.ChoiceField(
        label="Votre collectivité souhaite participer comme",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez partie prenante ou observatrice.",
            "invalid_choice": "Choisissez partie prenante ou observatrice.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [
            (
                ProjectRegistration.Role.STAKEHOLDER,
                OptionLabel(
                    "Partie prenante",
                    (
                        "Elle construit le projet avec l'ANCT (places limitées, "
                        "liste d'attente au-delà)."
                    ),
                ),
            ),
            (
                ProjectRegistration.Role.OBSERVER,
                OptionLabel("Observatrice", "Elle suit les travaux et reçoit leurs résultats."),
            ),
        ]
