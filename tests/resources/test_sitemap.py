"""/sitemap.xml lists the resources' pages beside Wagtail's pages."""

import xml.etree.ElementTree as ET

import pytest

from resources.models import Resource
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{NS}loc")]


def test_sitemap_lists_pages_and_published_resources(client):
    ResourceFactory(slug="brouillon-du-plan", live=False)
    found = locations(client)
    assert "http://testserver/projets/collectif-reperages/" in found
    for slug in Resource.objects.published().values_list("slug", flat=True):
        assert f"http://testserver/ressources/{slug}/" in found
    assert not [url for url in found if "brouillon-du-plan" in url]


def test_resources_in_the_sitemap_open(client):
    resource_urls = [
        url for url in locations(client) if "/ressources/" in url and url.count("/") == 5
    ]
    assert len(resource_urls) == 8
    for url in resource_urls:
        assert client.get(url).status_code == 200
