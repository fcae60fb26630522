"""Labels a sighted user can read, in both themes: the search modal is named, the home
newsletter box shows its label, icon buttons in groups keep their text, and a callout
in a page body does not skip a heading level."""

import itertools
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "territoires.css"


def soup_of(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_the_search_modal_is_named_by_its_button(client):
    # Named by the page's script (a plain div may not carry aria-labelledby in the
    # served HTML); the browser journey checks the dialog's name once opened.
    soup = soup_of(client, "/")
    modal = soup.select_one("#recherche-modale")
    assert not modal.has_attr("aria-labelledby")
    assert soup.select_one(f"#{modal['data-tec-labelledby']}").get_text(strip=True) == "Rechercher"


def test_the_home_newsletter_label_is_visible(client):
    label = soup_of(client, "/").select_one('label[for="home-newsletter-email"]')
    # The DSFR hides .fr-follow__newsletter labels; this class shows it again.
    assert "tec-visible-label" in label["class"]
    css = CSS.read_text()
    assert ".fr-follow__newsletter .fr-label.tec-visible-label { position: static;" in css


def test_the_theme_page_headings_do_not_skip_a_level(client):
    soup = soup_of(client, "/thematiques/mettre-en-place-une-demarche-participative/")
    levels = [int(h.name[1]) for h in soup.select("main h1, main h2, main h3, main h4")]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_footer_partner_names_are_dark_on_their_white_boxes():
    css = CSS.read_text()
    assert ".tec-partners .fr-footer__partners-link, .tec-partner-box { color: #161616;" in css
