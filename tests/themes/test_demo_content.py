"""The demo site carries the real content of the two newsletters."""

import pytest

from resources.models import Resource
from themes.models import ConceptPage, ProjectPage, ThemePage

pytestmark = pytest.mark.django_db


def test_demo_has_the_newsletters_themes():
    titles = set(ThemePage.objects.live().values_list("title", flat=True))
    assert {
        "Retour à l'emploi",
        "Petite enfance",
        "Mettre en place une démarche participative : les bonnes questions à se poser",
    } <= titles


def test_demo_has_the_concepts_with_their_further_reading():
    quality = ConceptPage.objects.get(title="Qualité de la participation")
    assert len(quality.further_reading) == 4
    assert ConceptPage.objects.filter(title="Le récit", live=True).exists()


def test_demo_has_the_inspiring_projects():
    titles = " ".join(ProjectPage.objects.live().values_list("title", flat=True)).lower()
    for name in ["grève du chômage", "wake up café", "collectif repérages", "handipacte"]:
        assert name in titles


def test_demo_has_the_resources_and_the_introductions():
    assert Resource.objects.published().count() == 8
    theme = ThemePage.objects.get(slug="retour-a-l-emploi")
    assert theme.intro_resource.kind == "tribune"
    survey = Resource.objects.get(slug="evaluer-les-demarches-de-participation-citoyenne")
    assert survey.publisher.name == "Décider ensemble"
    assert set(survey.tags.names()) == {"évaluation", "enquête"}
