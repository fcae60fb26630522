"""The demo's illustrations are drawn here, and its pages show them as responsive,
decorative images."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from PIL import Image

from core.illustrations import SCHEMES, illustration_png
from events.models import EventPage

pytestmark = pytest.mark.django_db


def test_each_drawing_is_a_png_the_same_every_time():
    for name in SCHEMES:
        png = illustration_png(name)
        assert png == illustration_png(name)
        assert Image.open(io.BytesIO(png)).size == (1200, 675)


def test_the_command_writes_them(tmp_path):
    call_command("draw_illustrations", str(tmp_path), stdout=io.StringIO())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"illustration-{name}.png" for name in SCHEMES
    )


@pytest.mark.parametrize(
    "url",
    [
        "/thematiques/mettre-en-place-une-demarche-participative/",
        "/concepts/le-recit/",
        "/projets/la-boite-a-outils-des-conseils-de-quartier/",
    ],
)
def test_pages_show_a_responsive_decorative_illustration(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    img = soup.select_one("main figure img")
    assert img["alt"] == ""
    assert len(img["srcset"].split(",")) == 3 and img.get("sizes")


def test_cards_show_the_illustration(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select(".fr-card__img img")


def test_events_show_the_calendar_drawing_with_a_text_alternative(client):
    event = EventPage.objects.live().get(slug="festival-faire-autrement")
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    img = soup.select_one("main figure img")
    assert img["alt"].startswith("Dessin d'une page de calendrier")
    assert len(img["srcset"].split(",")) == 3
    assert event.image.title == "Illustration « agenda » (Territoires en Commun)"
