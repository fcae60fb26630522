import pytest
from bs4 import BeautifulSoup

from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_resource_page_shows_the_resource_and_links_out_safely(client):
    response = client.get("/ressources/evaluer-les-demarches-de-participation-citoyenne/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("main h1").get_text(strip=True).startswith("Évaluer les démarches")
    assert "Décider ensemble" in soup.select_one(".tec-facts").get_text()
    [link] = [a for a in soup.select("main a.fr-btn") if "Accéder à la ressource" in a.get_text()]
    assert link["href"] == "https://www.deciderensemble.com"
    assert link["target"] == "_blank" and "noopener" in link["rel"]
    assert "site externe" in link.select_one(".fr-sr-only").get_text()
    crumbs = [li.get_text(strip=True) for li in soup.select("nav.fr-breadcrumb li")]
    assert crumbs[:2] == ["Accueil", "Ressources"]
    assert soup.find("meta", property="og:title")["content"].startswith("Évaluer les démarches")


def test_a_draft_resource_has_no_public_page(client):
    draft = ResourceFactory(live=False)
    assert client.get(f"/ressources/{draft.slug}/").status_code == 404


def test_slugs_are_unique(db):
    first = ResourceFactory(title="Même titre")
    second = ResourceFactory(title="Même titre")
    assert first.slug == "meme-titre" and second.slug == "meme-titre-2"


def test_a_resource_needs_a_link_or_a_document(db):
    from django.core.exceptions import ValidationError

    resource = ResourceFactory.build(url="")
    with pytest.raises(ValidationError) as error:
        resource.clean()
    assert "Indiquez un lien vers la ressource ou joignez un document." in str(error.value)


def test_resource_page_queries_do_not_grow_with_related_content(
    client, django_assert_max_num_queries
):
    from resources.models import Audience
    from themes.models import ThemePage

    theme = ThemePage.objects.get(slug="petite-enfance")
    resource = ResourceFactory(
        themes=[theme], tags=["crèche"], audiences=[Audience.objects.first()]
    )
    ResourceFactory(themes=[theme])
    client.get(resource.get_absolute_url())
    with django_assert_max_num_queries(30) as captured:
        client.get(resource.get_absolute_url())
    baseline = len(captured.captured_queries)
    for n in range(10):
        ResourceFactory(themes=[theme], tags=[f"mot {n}"])
    resource.tags.add(*[f"étiquette {n}" for n in range(10)])
    resource.audiences.set(Audience.objects.all())
    resource.save()
    with django_assert_max_num_queries(baseline):
        response = client.get(resource.get_absolute_url())
    assert response.content.decode().count("fr-tag") >= 11
