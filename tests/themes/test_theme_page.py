import datetime

import pytest
from bs4 import BeautifulSoup

from tests.resources.factories import ResourceFactory
from tests.themes.factories import ProjectPageFactory, ThemePageFactory

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_demo_theme_page_shows_its_resources_projects_and_concept(client):
    soup = soup_of(client, "/thematiques/retour-a-l-emploi/")
    assert soup.select_one("main h1").get_text(strip=True) == "Retour à l'emploi"
    intro = soup.select_one("#en-introduction").find_parent("section")
    assert "L'ingénierie participative" in intro.get_text()
    resources = soup.select_one("#ressources-thematique").find_parent("section").get_text()
    assert "Être bénévole ou volontaire" in resources
    assert "L'ingénierie participative" not in resources  # shown once, as the introduction
    projects = soup.select_one("#projets-thematique").find_parent("section").get_text()
    for title in ["Wake Up Café", "Collectif Repérages", "Handipacte", "Grève du chômage"]:
        assert title.lower() in projects.lower()
    assert (
        "Qualité de la participation"
        in soup.select_one("#concepts-thematique").find_parent().get_text()
    )


def test_theme_page_calls_collectivites_to_state_their_need(client):
    soup = soup_of(client, "/thematiques/retour-a-l-emploi/")
    button = soup.find("a", string="Je souhaite préciser mon besoin")
    assert button["href"] == "/besoin/?thematique=retour-a-l-emploi"
    assert client.get("/besoin/").status_code == 200


def test_theme_page_has_breadcrumb_seo_open_graph_and_share_links(client):
    soup = soup_of(client, "/thematiques/retour-a-l-emploi/")
    crumbs = [li.get_text(strip=True) for li in soup.select("nav.fr-breadcrumb li")]
    assert crumbs == ["Accueil", "Thématiques", "Retour à l'emploi"]
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith("Des ressources")
    assert soup.find("meta", property="og:title")["content"] == "Retour à l'emploi"
    assert soup.find("meta", property="og:url")["content"].endswith(
        "/thematiques/retour-a-l-emploi/"
    )
    share = soup.select_one(".fr-share")
    assert share.select_one("a.fr-btn--mail")["href"].startswith("mailto:?subject=")
    for link in share.select("a[target=_blank]"):
        assert "noopener" in link["rel"]


def test_draft_resources_are_not_listed(client):
    theme = soup_of(client, "/thematiques/retour-a-l-emploi/")
    from themes.models import ThemePage

    page = ThemePage.objects.get(slug="retour-a-l-emploi")
    ResourceFactory(title="Brouillon invisible", themes=[page], live=False)
    assert "Brouillon invisible" not in soup_of(client, page.url).get_text()
    assert theme  # the page rendered before too


def test_theme_page_queries_do_not_grow_with_its_content(
    client, theme_index, project_index, django_assert_max_num_queries
):
    theme = ThemePageFactory(parent=theme_index, month=datetime.date(2024, 3, 1))
    ResourceFactory(themes=[theme])
    ProjectPageFactory(parent=project_index, themes=[theme])
    client.get(theme.url)
    with django_assert_max_num_queries(40) as captured:
        client.get(theme.url)
    baseline = len(captured.captured_queries)
    for _ in range(20):
        ResourceFactory(themes=[theme], tags=["emploi"])
        ProjectPageFactory(parent=project_index, themes=[theme])
    # Two more queries find the indexes the « voir les N … » links lead to.
    with django_assert_max_num_queries(baseline + 2):
        response = client.get(theme.url)
    soup = BeautifulSoup(response.content, "html.parser")

    def cards(heading_id):
        return soup.select_one(f"#{heading_id}").find_parent("section").select(".fr-card")

    assert len(cards("ressources-thematique")) == 12
    assert len(cards("projets-thematique")) == 9
    more = soup.find("a", string="Voir les 21 ressources de la thématique")
    assert more["href"] == f"/ressources/?theme={theme.pk}"
    assert soup.find("a", string="Voir les 21 projets de la thématique")["href"] == (
        f"/projets/?theme={theme.pk}"
    )


def test_page_image_is_served_as_responsive_renditions(client, theme_index):
    import wagtail_factories

    image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    theme = ThemePageFactory(
        parent=theme_index, image=image, image_alt="Un atelier de concertation en mairie"
    )
    soup = soup_of(client, theme.url)
    img = soup.select_one("main figure img")
    assert img["alt"] == "Un atelier de concertation en mairie"
    widths = [candidate.split()[-1] for candidate in img["srcset"].split(",")]
    assert widths == ["480w", "800w", "1200w"]
    assert "/images/" in img["src"]
    og_image = soup.find("meta", property="og:image")["content"]
    assert og_image.startswith("http://testserver/") and ".fill-1200x630" in og_image
