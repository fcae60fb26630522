"""The thématique / concept « du mois »: this month's, else the latest already featured."""

import datetime

import pytest

from tests.themes.factories import ConceptPageFactory, ThemePageFactory
from themes.models import ThemePage
from themes.selectors import concept_of_the_month, theme_of_the_month

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2030, 5, 17)


@pytest.fixture(autouse=True)
def only_test_themes():
    ThemePage.objects.all().delete()  # the demo's themes are from 2021-2022


def test_the_theme_of_the_current_month_wins(theme_index):
    ThemePageFactory(parent=theme_index, title="Avril", month=datetime.date(2030, 4, 1))
    ThemePageFactory(parent=theme_index, title="Mai", month=datetime.date(2030, 5, 28))
    assert theme_of_the_month(today=TODAY).title == "Mai"


def test_without_one_this_month_the_latest_past_theme_is_shown(theme_index):
    ThemePageFactory(parent=theme_index, title="Janvier", month=datetime.date(2030, 1, 1))
    ThemePageFactory(parent=theme_index, title="Mars", month=datetime.date(2030, 3, 1))
    assert theme_of_the_month(today=TODAY).title == "Mars"


def test_a_theme_scheduled_for_later_is_not_shown_before_its_month(theme_index):
    ThemePageFactory(parent=theme_index, title="Mars", month=datetime.date(2030, 3, 1))
    ThemePageFactory(parent=theme_index, title="Juin", month=datetime.date(2030, 6, 1))
    assert theme_of_the_month(today=TODAY).title == "Mars"


def test_an_unpublished_theme_is_never_the_theme_of_the_month(theme_index):
    ThemePageFactory(parent=theme_index, title="Avril", month=datetime.date(2030, 4, 1))
    ThemePageFactory(parent=theme_index, title="Mai", month=datetime.date(2030, 5, 1)).unpublish()
    assert theme_of_the_month(today=TODAY).title == "Avril"


def test_no_theme_yet_means_none():
    assert theme_of_the_month(today=TODAY) is None


def test_the_month_is_stored_as_its_first_day(theme_index):
    theme = ThemePageFactory(parent=theme_index, month=datetime.date(2030, 5, 28))
    theme.refresh_from_db()
    assert theme.month == datetime.date(2030, 5, 1)
    assert theme.month_label == "mai 2030"


def test_concept_of_the_month_follows_the_same_rule(concept_index):
    ConceptPageFactory(parent=concept_index, title="La confiance", month=datetime.date(2030, 2, 1))
    ConceptPageFactory(parent=concept_index, title="Plus tard", month=datetime.date(2030, 9, 1))
    assert concept_of_the_month(today=TODAY).title == "La confiance"


def test_home_page_shows_the_theme_and_concept_of_the_month(client, theme_index):
    ThemePageFactory(parent=theme_index, title="Petite enfance", month=datetime.date.today())
    html = client.get("/").content.decode()
    assert "Thématique du mois" in html and "Petite enfance" in html
    assert "Découvrez la thématique" in html
    assert "Le concept du mois : Le récit" in html  # from the demo content
