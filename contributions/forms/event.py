"""Proposing an event for the agenda: dates in Paris time, a place or a link."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.forms import PlainTextareaField, PlainTextField
from events.dates import year_problem
from events.models import EventFormat

from .bases import ContributorForm, HttpsURLField, ThemeChoiceField, departement_field

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _date_field(**kwargs) -> forms.DateField:
    return forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        **kwargs,
    )


def _time_field(**kwargs) -> forms.TimeField:
    return forms.TimeField(
        required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"), **kwargs
    )


def _paris(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time.replace(microsecond=0), tzinfo=PARIS)


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
    start_date = _date_field(label="Date de début", help_text="Format attendu : JJ/MM/AAAA")
    start_time = _time_field(
        label="Heure de début",
        help_text="Heure de Paris, par exemple 14:00. Laisser vide pour une journée entière.",
    )
    end_date = _date_field(
        label="Date de fin",
        required=False,
        help_text="Pour un événement sur plusieurs jours. Format attendu : JJ/MM/AAAA",
    )
    end_time = _time_field(label="Heure de fin")
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
    departement = departement_field()
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
        if problem := year_problem(start, today=today, which="de début"):
            raise ValidationError(problem)
        return start

    def clean_end_date(self):
        end = self.cleaned_data.get("end_date")
        if end and (problem := year_problem(end, today=timezone.localdate(), which="de fin")):
            raise ValidationError(problem)
        return end

    def clean(self):
        cleaned = super().clean()
        self._check_place(cleaned)
        # A start date refused (in the past) still orders the end: every error at once.
        start_date = cleaned.get("start_date") or self._typed_date("start_date")
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
        cleaned.update(start=start, end=end, all_day=all_day)
        return cleaned

    def _typed_date(self, name: str) -> datetime.date | None:
        """The date typed in ``name``, even if the field refused it (None if unreadable)."""
        try:
            return self.fields[name].to_python(self[name].data)
        except ValidationError:
            return None

    def _check_place(self, cleaned: dict) -> None:
        """On site needs a town, online needs a link; hybrid needs both."""
        fmt = cleaned.get("event_format")
        if fmt in ("presentiel", "hybride") and not (
            cleaned.get("city") or cleaned.get("departement")
        ):
            self.add_error("city", "Indiquez la ville ou le département où a lieu l'événement.")
        if fmt in ("en_ligne", "hybride") and not cleaned.get("online_url"):
            self.add_error(
                "online_url",
                "Indiquez le lien de connexion ou de diffusion : l'événement se suit en ligne.",
            )
