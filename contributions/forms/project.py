"""Proposing an inspiring project carried out by a collectivité."""

from core.forms import PlainTextareaField, PlainTextField

from .bases import ContributorForm, HttpsURLField, ThemeChoiceField, departement_field


class ProjectContributionForm(ContributorForm):
    kind = "projet"

    title = PlainTextField(label="Nom du projet", max_length=255)
    territory = PlainTextField(
        label="Collectivité ou territoire",
        max_length=200,
        help_text="Où le projet a lieu, par exemple « Ville de Rezé » ou « Val-de-Marne ».",
    )
    departement = departement_field()
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
