"""The demo's accessibility statement and multi-year plan are filled in."""

from html import unescape

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_the_demo_statement_cites_the_automated_checks_and_the_plan(client):
    soup = BeautifulSoup(client.get("/accessibilite/").content, "html.parser")
    text = unescape(soup.select_one("main").get_text(" ", strip=True))
    assert "Territoires en Commun est non conforme" in text
    assert "le taux de conformité n'est pas mesuré" in text
    assert "3 décembre 2026" in text
    assert "axe-core" in text and "320 pixels" in text
    plan = soup.select_one('main a[href="/schema-pluriannuel-accessibilite/"]')
    assert plan is not None


def test_the_multi_year_plan_gives_each_years_actions(client):
    response = client.get("/schema-pluriannuel-accessibilite/")
    assert response.status_code == 200
    headings = [
        h.get_text(strip=True)
        for h in BeautifulSoup(response.content, "html.parser").select("main h2")
    ]
    assert {"Plan d'action 2026", "Plan d'action 2027", "Plan d'action 2028"} <= set(headings)
