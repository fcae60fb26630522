"""Assembling the draft issue of a month from what the site has published.

The draft holds one block per section that has something to show, in the order
of the real newsletters; the editor then reorders, rewrites, removes or adds
blocks (édito, free text, a link to any page…) before sending. A month has one
issue: assembling it again is refused rather than overwriting an editor's work.

A month with no theme or concept of its own takes the latest one (a theme may
run for two months, as the site's « du mois » does), and the assembly says so:
``Assembly.warnings`` lists what features no page of the month, for the editor
to replace or keep, before anything is sent.
"""

import datetime
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core.models import SiteSettings
from core.slugs import slug_available
from events import selectors as agenda
from themes import selectors as themes
from votes import selectors as votes

from ..blocks.projects import SHARED_PROJECT_LINK_LABEL, SHARED_PROJECT_TITLE
from ..blocks.sections import VOTE_TEXT
from ..models import NewsletterArchivePage, NewsletterIssuePage, NewsletterPage
from ..models.pages import first_of_month
from ..months import last_day, month_label, next_month
from ..selectors import issue_content_warnings, issue_contents, issue_summary

logger = logging.getLogger(__name__)

PROJECTS_SHOWN = 4
PARTNER_NEWS_SHOWN = 3
AGENDA_SHOWN = 6


class AssemblyRefused(Exception):
    """The issue cannot be assembled; ``message`` says why, in French."""

    def __init__(self, message: str, issue: NewsletterIssuePage | None = None):
        super().__init__(message)
        self.message = message
        self.issue = issue


@dataclass(frozen=True)
class Assembly:
    issue: NewsletterIssuePage
    sections: list[str]
    summary: str = ""  # what the month has: « Janvier 2027 : thématique « … », 4 projets… »
    warnings: tuple[str, ...] = ()  # sections with nothing of the month's own


def _contribute_link() -> str:
    try:
        return reverse("contribute")
    except NoReverseMatch:
        return SiteSettings.load().contact_email


def theme_sections(month: datetime.date) -> tuple[list[tuple[str, dict]], dict]:
    """The theme, its « En introduction… » resource and its projects, and what the
    title and preheader will say about them."""
    sections, facts = [], {}
    theme = themes.theme_of_the_month(today=last_day(month))
    if theme is None:
        return sections, facts
    facts["theme"] = theme.title
    sections.append(("theme", {"theme": theme.pk, "text": "", "show_need": True}))
    resource = theme.intro_resource
    if resource is not None and resource.live:
        sections.append(("intro_resource", {"resource": resource.pk, "text": "", "link_label": ""}))
    projects = list(
        theme.projects.live().public().order_by("-first_published_at", "-pk")[:PROJECTS_SHOWN]
    )
    if not projects:
        projects = list(themes.recent_projects(limit=PROJECTS_SHOWN))
    if projects:
        sections.append(
            (
                "projects",
                {
                    "title": "Projets démocratiques et expériences territoriales pour vous inspirer",
                    "projects": [project.pk for project in projects],
                    "link_label": "Découvrez le projet",
                },
            )
        )
    return sections, facts


def vote_section() -> list[tuple[str, dict]]:
    """The vote block shows the open campaign's tallies when the issue is sent."""
    if votes.campaign_get_open() is None:
        return []
    return [
        (
            "vote",
            {
                "title": "Votez pour une thématique !",
                "text": VOTE_TEXT,
                "shown": 5,
                "link_label": "Votez pour une thématique",
            },
        )
    ]


def event_sections(month: datetime.date) -> list[tuple[str, dict]]:
    """Partners' events in « Actualités des partenaires », told at length; the others in
    « À vos agendas ! », one line each; then the call to share one's events."""
    start = timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))
    # Not yet ended when the issue goes out; for a past month (an issue assembled
    # after the fact), as seen from its first day.
    past = next_month(month) <= timezone.localdate()
    events = list(
        agenda.event_list_upcoming(now=start if past else max(start, timezone.now()))[:30]
    )
    news = [event for event in events if event.organiser_id][:PARTNER_NEWS_SHOWN]
    rest = [event for event in events if event not in news][:AGENDA_SHOWN]
    sections = []
    if news:
        sections.append(_partner_news_section(news))
    if rest:
        sections.append(
            (
                "agenda",
                {
                    "title": "À vos agendas !",
                    "events": [event.pk for event in rest],
                    "link_label": "Plus d'informations",
                },
            )
        )
    sections.append(_share_events_section())
    return sections


def _partner_news_section(events) -> tuple[str, dict]:
    items = [
        {
            "title": event.title,
            "text": event.summary,
            "when": ", ".join(part for part in (event.when, event.place) if part),
            "page": event.pk,
            "url": "",
            "link_label": "En savoir plus",
        }
        for event in events
    ]
    return ("news", {"title": "Actualités des partenaires", "items": items})


def _share_events_section() -> tuple[str, dict]:
    link = _contribute_link()
    return (
        "call",
        {
            "title": "Je suis une collectivité et je souhaite partager mes événements",
            "text": "Envoyez vos actualités et vos événements à Territoires en Commun : ils "
            "rejoindront l'agenda des partenaires.",
            "link": link,
            "link_label": "Proposer un événement" if link.startswith("/") else "",
        },
    )


def contribute_section() -> tuple[str, dict]:
    link = _contribute_link()
    return (
        "call",
        {
            "title": "Je suis une collectivité et je souhaite contribuer à la prochaine thématique",
            "text": "Partagez vos ressources et vos expériences avec Territoires en Commun : "
            "l'équipe éditoriale les publie dans la bibliothèque.",
            "link": link,
            "link_label": "Proposer une ressource" if link.startswith("/") else "",
        },
    )


def concept_section(month: datetime.date) -> tuple[list[tuple[str, dict]], dict]:
    concept = themes.concept_of_the_month(today=last_day(month))
    if concept is None:
        return [], {}
    return [("concept", {"concept": concept.pk, "text": ""})], {"concept": concept.title}


def shared_project_section() -> list[tuple[str, dict]]:
    """« Des nouvelles du projet partagé »: the latest projet partagé, its places shown when
    the issue is sent; the editor writes its next steps."""
    project = votes.shared_project_current()
    if project is None:
        return []
    return [
        (
            "shared_project",
            {
                "title": SHARED_PROJECT_TITLE,
                "project": project.pk,
                "text": "",
                "next_steps": "",
                "link_label": SHARED_PROJECT_LINK_LABEL,
            },
        )
    ]


def assembled_sections(month: datetime.date) -> tuple[list[tuple[str, dict]], dict]:
    """Every section that has content this month, in the newsletter's order."""
    sections, facts = theme_sections(month)
    sections.append(contribute_section())
    sections += vote_section()
    concept, concept_facts = concept_section(month)
    sections += concept
    facts.update(concept_facts)
    sections += shared_project_section()
    sections += event_sections(month)
    return sections, facts


def _title(month: datetime.date, facts: dict) -> str:
    label = month_label(month)
    if "theme" in facts:
        return f"Territoires en Commun — {label} : {facts['theme']}"
    return f"Territoires en Commun — la lettre de {label}"


def _preheader(facts: dict) -> str:
    parts = []
    if "theme" in facts:
        parts.append(f"la thématique « {facts['theme']} »")
    if "concept" in facts:
        parts.append(f"le concept du mois « {facts['concept']} »")
    return (
        ("Ce mois-ci : " + ", ".join(parts) + ", et l'agenda des partenaires.")[:200]
        if parts
        else ""
    )


def _archive() -> NewsletterArchivePage:
    archive = NewsletterArchivePage.objects.first()
    if archive is not None:
        return archive
    newsletter = NewsletterPage.objects.first()
    if newsletter is None:
        raise AssemblyRefused("Créez d'abord la page « Newsletter » sous la page d'accueil.")
    archive = NewsletterArchivePage(title="Archives", slug="archives")
    newsletter.add_child(instance=archive)
    archive.save_revision().publish()
    return archive


def _already_assembled(month: datetime.date, issue) -> AssemblyRefused:
    return AssemblyRefused(
        f"La lettre de {month_label(month)} existe déjà : modifiez-la plutôt que de la "
        "réassembler.",
        issue=issue,
    )


def issue_assemble(*, month: datetime.date, user=None) -> Assembly:
    """Create the draft issue of ``month``; AssemblyRefused if it already exists."""
    month = first_of_month(month)
    existing = NewsletterIssuePage.objects.filter(month=month).first()
    if existing is not None:
        raise _already_assembled(month, existing)
    sections, facts = assembled_sections(month)
    archive = _archive()
    issue = NewsletterIssuePage(
        title=_title(month, facts),
        slug=slug_available(
            siblings=archive.get_children(), text=f"{month:%Y-%m}", fallback=f"{month:%Y-%m}"
        ),
        month=month,
        preheader=_preheader(facts),
        body=[{"type": kind, "value": value} for kind, value in sections],
        live=False,
    )
    try:
        with transaction.atomic():
            archive.add_child(instance=issue)
            issue.save_revision(user=user, log_action=True)
    except (IntegrityError, ValidationError) as error:
        # Another assembly of the same month won the race.
        existing = NewsletterIssuePage.objects.filter(month=month).first()
        raise _already_assembled(month, existing) from error
    logger.info("Newsletter: draft of %s assembled (%s)", month, ", ".join(k for k, _v in sections))
    contents = issue_contents(issue=issue)
    return Assembly(
        issue=issue,
        sections=[kind for kind, _value in sections],
        summary=issue_summary(contents=contents),
        warnings=tuple(issue_content_warnings(contents=contents)),
    )
