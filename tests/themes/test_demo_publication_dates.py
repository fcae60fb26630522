"""The demo's projects and concepts carry the date the newsletters presented them
(the first day of their theme's month), not the day the demo was loaded."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import pytest

from themes.models import ConceptPage, ProjectPage

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
DECEMBER_2021 = datetime.datetime(2021, 12, 1, tzinfo=PARIS)
SEPTEMBER_2022 = datetime.datetime(2022, 9, 1, tzinfo=PARIS)
# The feed's titles, newest first: September 2022's theme, then December 2021's (with
# the projet partagé of no theme the December 2021 issue presented), in the seeds' order.
FEED = [
    ("Un jeu pour convaincre les non-convaincus de la participation citoyenne", SEPTEMBER_2022),
    ("Comment mettre en place une démarche participative dans sa collectivité ?", SEPTEMBER_2022),
    ("La boîte à outils des Conseils de Quartier", SEPTEMBER_2022),
    ("La grève du chômage menée par Territoires zéro chômage de longue durée", DECEMBER_2021),
    ("L'association Wake Up Café aide les détenus à trouver un emploi", DECEMBER_2021),
    ("Collectif Repérages", DECEMBER_2021),
    ("Handipacte Île-de-France", DECEMBER_2021),
    ("Le droit des adolescents et des jeunes à une vie épanouie", DECEMBER_2021),
]


def test_the_projects_feed_dates_each_project_by_its_themes_month(client):
    channel = ET.fromstring(client.get("/projets/flux.rss").content).find("channel")
    items = [
        (item.findtext("title"), parsedate_to_datetime(item.findtext("pubDate")))
        for item in channel.findall("item")
    ]
    assert items == FEED


def test_each_project_is_dated_by_the_month_of_its_theme():
    projects = ProjectPage.objects.live().filter(themes__isnull=False).distinct()
    assert projects.count() == 7
    for project in projects.prefetch_related("themes"):
        month = min(theme.month for theme in project.themes.all())
        first_day = datetime.datetime.combine(month, datetime.time(), PARIS)
        assert project.first_published_at == first_day, project.title


def test_each_concept_is_dated_by_its_own_month():
    for concept in ConceptPage.objects.live():
        first_day = datetime.datetime.combine(concept.month, datetime.time(), PARIS)
        assert concept.first_published_at == first_day
        assert concept.last_published_at > first_day  # published when the demo was loaded
