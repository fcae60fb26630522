"""The call to contribute on a theme leads to the forms with that theme ticked."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["ressource", "evenement", "projet"])
def test_the_theme_in_the_address_is_ticked(client, theme, kind):
    soup = BeautifulSoup(
        client.get(f"/contribuer/{kind}/?thematique={theme.slug}").content, "html.parser"
    )
    ticked = [box["value"] for box in soup.select("input[name=themes][checked]")]
    assert ticked == [str(theme.pk)]


@pytest.mark.parametrize("slug", ["inconnue", "%00", "x" * 600])
def test_an_unknown_theme_ticks_nothing(client, theme, slug):
    response = client.get(f"/contribuer/ressource/?thematique={slug}")
    assert response.status_code == 200
    assert not BeautifulSoup(response.content, "html.parser").select("input[name=themes][checked]")
