import pytest
from bs4 import BeautifulSoup

from tests.factories import ContentPageFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def get_home(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_is_a_french_dsfr_page(client):
    soup = get_home(client)
    assert soup.html["lang"] == "fr"
    assert soup.select_one("header.fr-header")
    assert soup.select_one("footer.fr-footer")
    assert soup.select_one(".fr-skiplinks a[href='#contenu']")
    assert soup.select_one("main#contenu h1").get_text(strip=True) == "Territoires en Commun"


def test_header_names_the_four_partners(client):
    tagline = get_home(client).select_one(".fr-header__service-tagline").get_text()
    for name in ["ANCT", "Banque des Territoires", "Décider ensemble", "ICPC"]:
        assert name in tagline


def test_header_has_a_search_box_pointing_to_site_search(client):
    form = get_home(client).select_one("header form[role=search]")
    assert form["action"] == "/recherche/"
    assert form.select_one("input[name=q]")
    assert form.select_one("label[for=recherche-input]")


def test_newsletter_call_is_shown_while_a_newsletter_page_is_live(client):
    soup = get_home(client)
    call = soup.select_one("#home-newsletter-title")
    assert call.get_text(strip=True) == "Abonnez-vous à la newsletter"
    assert soup.select_one("a[href='/newsletter/']")


def test_newsletter_call_is_hidden_without_a_newsletter_page(client, home):
    from newsletter.models import NewsletterPage

    NewsletterPage.objects.get().unpublish()
    soup = get_home(client)
    assert soup.select_one("#home-newsletter-title") is None
    assert soup.select_one("main h1")  # the rest of the page still renders


def test_home_query_count_does_not_grow_with_menu_items_and_partners(
    client, home, django_assert_max_num_queries
):
    client.get("/")  # warm Wagtail's site-root cache, as in production
    with django_assert_max_num_queries(30) as captured:
        client.get("/")
    baseline = len(captured.captured_queries)  # read now: each request resets the log
    for _ in range(5):
        ContentPageFactory(parent=home, show_in_menus=True)
    PartnerFactory.create_batch(10)
    client.get("/")
    with django_assert_max_num_queries(baseline):
        response = client.get("/")
    assert len(BeautifulSoup(response.content, "html.parser").select(".fr-nav__item")) == 11
