"""bench.random_content: generated volume that the library lists and finds like real resources."""

import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection, transaction

from bench.create_random_content import create
from bench.random_content import random_content_create
from core.fulltext import normalise
from resources import search
from resources.models import Resource
from themes.models import ProjectIndexPage, ProjectPage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """30 resources and one project page, created once for the module, rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        created = random_content_create(resources=30, seed=7)
        yield created
        transaction.set_rollback(True)


@pytest.fixture
def generated_resources(generated):
    return list(Resource.objects.filter(pk__in=generated.resource_ids).order_by("pk"))


def test_resources_are_published_with_their_metadata(generated, generated_resources):
    assert len(generated_resources) == 30
    assert all(resource.live and resource.first_published_at for resource in generated_resources)
    assert len({resource.slug for resource in generated_resources}) == 30
    assert all(generated.token in resource.slug for resource in generated_resources)
    assert len({resource.kind for resource in generated_resources}) >= 5
    assert {resource.published_on.year for resource in generated_resources} <= set(
        range(2015, 2027)
    )
    assert all(
        resource.audiences.exists() and resource.tags.exists() for resource in generated_resources
    )
    assert any(resource.themes.exists() for resource in generated_resources)
    assert any(resource.publisher_id for resource in generated_resources)


def test_search_columns_are_filled_as_a_save_would_fill_them(generated_resources):
    resource = generated_resources[0]
    assert resource.search_title == normalise(resource.title)
    for tag in resource.tags.all():
        assert tag.name in resource.search_extra
    assert normalise(resource.summary) in resource.search_text
    if connection.vendor == "postgresql":
        assert not Resource.objects.filter(
            pk__in=[r.pk for r in generated_resources], search_vector__isnull=True
        ).exists()


def test_a_plural_query_finds_singular_and_plural_titles(generated_resources):
    expected = {
        r.pk
        for r in generated_resources
        if "budget participatif" in r.search_title or "budgets participatifs" in r.search_title
    }
    assert expected, "the seed should give at least one resource on budgets participatifs"
    found, ranked = search.search(Resource.objects.published(), "budgets participatifs")
    assert ranked
    assert expected <= set(found.values_list("pk", flat=True))


def test_the_library_finds_a_generated_resource_by_its_title(client, generated_resources):
    resource = generated_resources[3]
    response = client.get("/ressources/", {"q": resource.title})
    soup = BeautifulSoup(response.content, "html.parser")
    assert resource.title in [a.get_text(strip=True) for a in soup.select(".fr-card__title a")]


def test_project_pages_are_published_under_the_project_index(generated):
    projects = ProjectPage.objects.filter(pk__in=generated.project_ids)
    assert len(projects) == 1  # one per 20 resources
    project = projects.get()
    assert project.live and project.territory and project.region
    assert project.get_parent().specific_class is ProjectIndexPage


def test_same_seed_same_content_and_distinct_slugs_run_after_run():
    first = random_content_create(resources=6, seed=11, projects=2)
    second = random_content_create(resources=6, seed=11, projects=2)
    assert first.token != second.token

    def titles(ids):
        return list(Resource.objects.filter(pk__in=ids).order_by("pk").values_list("title"))

    assert titles(first.resource_ids) == titles(second.resource_ids)
    slugs = Resource.objects.filter(pk__in=first.resource_ids + second.resource_ids)
    assert len(set(slugs.values_list("slug", flat=True))) == 12
    assert ProjectPage.objects.filter(pk__in=first.project_ids + second.project_ids).count() == 4


def test_command_reports_what_it_created():
    before = Resource.objects.count()
    out = io.StringIO()
    create(["3", "--seed", "1", "--projects", "0"], stdout=out)
    assert Resource.objects.count() == before + 3
    assert "3 ressources et 0 projets créés" in out.getvalue()
