"""No page makes the visitor's browser call another site."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from wagtail.embeds.models import Embed

# Links that only name a page (canonical, alternate feeds) are not requests.
FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}


def external_requests(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    urls = [tag.get("src", "") for tag in soup.select("script, img, iframe, source, video, audio")]
    urls += [tag.get("srcset", "") for tag in soup.select("[srcset]")]
    urls += [
        link.get("href", "")
        for link in soup.select("link")
        if FETCHED_LINKS & set(link.get("rel", []))
    ]
    return [url for url in urls if url.startswith(("http:", "https:", "//"))]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/thematiques/",
        "/ressources/",
        "/projets/",
        "/concepts/",
        "/recherche/?q=emploi",
        "/agenda/",
    ],
)
def test_pages_load_nothing_from_other_sites(client, home, url):
    assert external_requests(client.get(url).content.decode()) == []


def test_an_embedded_video_is_a_link_not_a_frame(db):
    embed = Embed(
        url="https://www.youtube.com/watch?v=abc",
        type="video",
        title="Conférence « Le récit »",
        provider_name="YouTube",
        html='<iframe src="https://www.youtube.com/embed/abc"></iframe>',
    )
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "hébergée par YouTube" in html
