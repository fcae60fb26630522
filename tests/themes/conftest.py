import pytest

from themes.models import ConceptIndexPage, ProjectIndexPage, ThemeIndexPage


@pytest.fixture
def theme_index(db):
    return ThemeIndexPage.objects.get()


@pytest.fixture
def concept_index(db):
    return ConceptIndexPage.objects.get()


@pytest.fixture
def project_index(db):
    return ProjectIndexPage.objects.get()
