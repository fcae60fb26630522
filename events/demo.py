"""Demo content of the agenda: the events announced in the two real newsletters
(dates, places and organisers as given there, now in the archive), and a few
plausible upcoming ones dated from today so that the agenda is never empty."""

import datetime

from django.utils import timezone

from core.demo_tools import ensure_page, paragraphs
from core.models import Partner
from resources.models import Audience
from themes.models import ThemePage

from .dates import paris_datetime
from .demo_archive import DEMARCHE, EMPLOI, NEWSLETTER_EVENTS, days, place
from .models import EventFormat, EventIndexPage, EventOccurrenceChange, EventPage, EventStatus

# The coming weeks, so that the agenda always has some: ``hours`` is (days from
# today, "start", "end"), ``all_days`` the first and last days from today.
UPCOMING_EVENTS = [
    dict(
        slug="webinaire-evaluer-sa-demarche-de-participation",
        title="Webinaire : évaluer sa démarche de participation citoyenne",
        summary=(
            "Les résultats de l'enquête de Décider ensemble et D21 sur l'évaluation des "
            "démarches de participation, et des pistes pour évaluer les vôtres."
        ),
        body=paragraphs(
            "Si les démarches de participation se multiplient, elles sont rarement évaluées. "
            "Ce webinaire présente les principaux résultats de l'enquête, ses pistes de "
            "réflexion et ses recommandations, avec le témoignage de deux collectivités.",
        ),
        hours=(12, "11:00", "12:30"),
        event_format=EventFormat.ONLINE,
        # A series: the same hour every four weeks, six sessions, the fourth cancelled.
        recurrence_rule="FREQ=WEEKLY;INTERVAL=4;COUNT=6",
        changes=[(12 + 3 * 28, EventStatus.CANCELLED)],
        online_url="https://webinaire.example.org/evaluer-sa-demarche",
        registration_url="https://inscriptions.example.org/evaluer-sa-demarche",
        organiser="Décider ensemble",
        access_subtitles=True,
        audiences=["elus", "agents"],
        accessibility="Sous-titrage en direct ; le replay est publié avec sa transcription.",
        themes=[DEMARCHE],
        tags=["évaluation", "webinaire"],
    ),
    dict(
        slug="atelier-financer-une-demarche-participative",
        title="Atelier : financer une démarche participative",
        summary=(
            "Quels financements mobiliser pour une concertation, un budget participatif ou "
            "une assemblée citoyenne ? Un atelier pour les agents et les élus."
        ),
        hours=(19, "14:00", "16:00"),
        status=EventStatus.CANCELLED,
        **place("Lyon", "69", venue="Hôtel de Région", address="1 esplanade François-Mitterrand"),
        organiser="Banque des Territoires",
        access_reduced_mobility=True,
        access_induction_loop=True,
        audiences=["agents", "elus"],
        themes=[DEMARCHE],
        tags=["financement"],
    ),
    dict(
        slug="afterwork-icpc-le-recit-territorial-partage",
        title="Afterwork ICPC : le récit territorial partagé",
        summary=(
            "Micro-trottoirs, balades urbaines, mémoire collective des lieux : comment les "
            "dispositifs participatifs construisent un récit du territoire."
        ),
        hours=(26, "18:30", "20:30"),
        **place("Nantes", "44", venue="Le Lieu Unique", address="2 rue de la Biscuiterie"),
        organiser="ICPC",
        registration_url="https://inscriptions.example.org/afterwork-recit",
        access_reduced_mobility=True,
        access_sign_language=True,
        accessibility="Interprétation en LSF sur demande à l'inscription.",
        audiences=["agents", "associations", "habitants"],
        themes=[DEMARCHE],
        tags=["afterwork", "récit"],
    ),
    dict(
        slug="balade-urbaine-diagnostic-partage-saint-etienne",
        title="Balade urbaine et diagnostic partagé au Crêt de Roc",
        summary=(
            "Une balade urbaine avec les habitantes et habitants pour faire émerger un "
            "diagnostic partagé et une mémoire collective des lieux."
        ),
        # Announced for day 35, postponed to day 49.
        hours=(49, "10:00", "12:30"),
        previous_hours=35,
        status=EventStatus.POSTPONED,
        audiences=["habitants"],
        **place("Saint-Étienne", "42", venue="Place du Crêt de Roc"),
        organiser_name="Conseil citoyen du Crêt de Roc Soleil",
        themes=[DEMARCHE],
        tags=["récit", "balade urbaine"],
    ),
    dict(
        slug="journee-des-projets-partages-anct",
        title="Journée des projets partagés de l'ANCT",
        summary=(
            "Les collectivités des projets partagés présentent leurs travaux, et l'ANCT "
            "annonce le thème du prochain projet choisi par vos votes."
        ),
        hours=(40, "09:30", "17:00"),
        event_format=EventFormat.HYBRID,
        **place("Paris", "75", venue="ANCT", address="20 avenue de Ségur"),
        online_url="https://webinaire.example.org/projets-partages",
        registration_mode="site",
        capacity=80,
        waiting_list=True,
        organiser="ANCT",
        co_organisers=["Banque des Territoires", "Décider ensemble"],
        access_reduced_mobility=True,
        access_subtitles=True,
        access_easy_read=True,
        audiences=["elus", "agents"],
        themes=[EMPLOI],
        tags=["projet partagé"],
    ),
    dict(
        slug="rencontres-regionales-participation-des-jeunes",
        title="Rencontres régionales : la participation des jeunes",
        summary=(
            "Deux jours pour concevoir la politique locale avec et par les adolescents et "
            "les jeunes adultes, avec les collectivités du projet partagé."
        ),
        all_days=(55, 56),
        status=EventStatus.FULL,
        **place("Rezé", "44", venue="Théâtre municipal"),
        organiser_name="Ville de Rezé",
        registration_url="https://inscriptions.example.org/participation-des-jeunes",
        tags=["jeunesse", "projet partagé"],
    ),
]


def dated(spec: dict, today: datetime.date) -> dict:
    """An event of ``UPCOMING_EVENTS`` with its dates counted from ``today``."""
    spec = dict(spec)
    if "all_days" in spec:
        first, last = (today + datetime.timedelta(offset) for offset in spec.pop("all_days"))
        return spec | days(first, last)
    offset, start, end = spec.pop("hours")
    day = today + datetime.timedelta(offset)
    start, end = (datetime.time.fromisoformat(time) for time in (start, end))
    if "previous_hours" in spec:
        first_day = today + datetime.timedelta(spec.pop("previous_hours"))
        spec["previous_start"] = paris_datetime(first_day, start)
    if "changes" in spec:
        spec["changes"] = [
            (paris_datetime(today + datetime.timedelta(days), start), status)
            for days, status in spec["changes"]
        ]
    return spec | {"start": paris_datetime(day, start), "end": paris_datetime(day, end)}


def load(*, home) -> None:
    index, _ = ensure_page(
        home,
        EventIndexPage,
        slug="agenda",
        title="Agenda",
        show_in_menus=True,
        search_description="À vos agendas ! Les rendez-vous des partenaires de Territoires en Commun.",
        intro=(
            "<p>À vos agendas ! Rencontres, webinaires, afterworks et conférences des "
            "partenaires de Territoires en Commun, en présentiel ou en ligne.</p>"
        ),
    )
    themes = {theme.slug: theme for theme in ThemePage.objects.all()}
    partners = {partner.name: partner for partner in Partner.objects.all()}
    Audience.objects.ensure_defaults()
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    today = timezone.localdate()
    for spec in [*NEWSLETTER_EVENTS, *(dated(spec, today) for spec in UPCOMING_EVENTS)]:
        spec = dict(spec)
        related = [themes[slug] for slug in spec.pop("themes", []) if slug in themes]
        organiser = partners.get(spec.pop("organiser", ""))
        spec["co_organisers"] = [
            partners[n] for n in spec.pop("co_organisers", []) if n in partners
        ]
        spec["audiences"] = [audiences[slug] for slug in spec.pop("audiences", [])]
        changes = [
            EventOccurrenceChange(original_start=moment, status=status)
            for moment, status in spec.pop("changes", [])
        ]
        ensure_page(
            index,
            EventPage,
            themes=related,
            organiser=organiser,
            occurrence_changes=changes,
            **spec,
        )
