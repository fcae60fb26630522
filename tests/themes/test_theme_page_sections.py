"""A theme page lists its coming events and its projects; the next theme calls for
contributions with the form opening on it."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from events.models import EventPage
from tests.events.factories import EventPageFactory
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def theme_page(client, slug):
    response = client.get(f"/thematiques/{slug}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section_titles(soup, section_id):
    section = soup.find(id=section_id).find_parent("section")
    return [a.get_text(strip=True) for a in section.select(".fr-card__title a")]


def test_theme_page_lists_its_coming_events_soonest_first(client):
    theme = ThemePage.objects.get(slug="retour-a-l-emploi")
    agenda = EventPage.objects.first().get_parent()
    past = EventPageFactory(
        parent=agenda,
        title="Atelier passé",
        start=timezone.now() - datetime.timedelta(days=30),
    )
    past.themes.add(theme)
    past.save()
    expected = [
        event.title for event in EventPage.objects.listed().upcoming().filter(themes=theme)[:4]
    ]
    soup = theme_page(client, "retour-a-l-emploi")
    assert expected and section_titles(soup, "agenda-thematique") == expected
    link = soup.find("a", string="Voir l'agenda de la thématique")
    assert link["href"] == f"{agenda.url}?theme={theme.pk}"


def test_the_september_2022_theme_lists_its_projects(client):
    soup = theme_page(client, "mettre-en-place-une-demarche-participative")
    assert len(section_titles(soup, "projets-thematique")) >= 1


def test_the_next_theme_calls_for_contributions_with_the_theme_chosen(client):
    soup = theme_page(client, "le-passage-a-l-action")
    link = soup.find("a", string="Proposer une ressource")
    assert link["href"] == "/contribuer/ressource/?thematique=le-passage-a-l-action"
    form = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    theme = ThemePage.objects.get(slug="le-passage-a-l-action")
    assert form.select_one(f"input[name=themes][value='{theme.pk}']").has_attr("checked")
    # A theme already featured does not call for contributions.
    past = theme_page(client, "retour-a-l-emploi")
    assert past.find("a", string="Proposer une ressource") is None
