"""The results as CSV for French Excel (UTF-8 BOM, « ; », decimal commas) and as JSON,
with the same figures as the page."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from tests.collectivites.factories import RepresentativeFactory
from votes.services import ballot_cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def voted(campaign, themes):
    for title, count in (("Droit à la mobilité", 2), ("Précarité alimentaire", 1)):
        for rep in RepresentativeFactory.create_batch(count):
            ballot_cast(representative=rep, campaign=campaign, candidates=[themes[title]])
    return campaign


def test_csv_opens_in_french_excel(client, voted):
    response = client.get(f"/votes/{voted.slug}/resultats.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="resultats-{voted.slug}.csv"' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Rang",
        "Thème",
        "Voix",
        "Part des collectivités votantes (%)",
        "Page de la thématique",
        "Population couverte (habitants)",
        "Part de la population française (%)",
    ]
    assert rows[1][:4] == ["1", "Droit à la mobilité", "2", "66,7"]
    assert rows[2][:4] == ["2", "Précarité alimentaire", "1", "33,3"]
    assert rows[3][:4] == ["3", "Isolement des seniors", "0", "0,0"]


def test_json_matches_the_page(client, voted):
    data = client.get(f"/votes/{voted.slug}/resultats.json").json()
    page = BeautifulSoup(client.get(f"/votes/{voted.slug}/").content, "html.parser")
    table = page.find("caption", string="Résultats par thème").find_parent("table")
    rows = [
        [cell.get_text(strip=True) for cell in row.select("td, th")]
        for row in table.select("tbody tr")
    ]
    assert rows == [
        [str(r["rang"]), r["theme"], str(r["voix"]), f"{r['part']:.1f} %".replace(".", ",")]
        for r in data["resultats"]
    ]
    assert data["collectivites_votantes"] == 3
    assert data["campagne"]["statut"] == "open"
    assert data["par_type"] == [
        {"type": "commune", "libelle": "Commune", "collectivites": 3, "part": 100.0}
    ]
    assert data["resultats"][0]["url"].startswith("http://testserver/votes/")


def test_exports_of_unknown_or_draft_campaigns_are_404(client):
    from tests.votes.factories import CampaignFactory

    draft = CampaignFactory(is_published=False)
    assert client.get(f"/votes/{draft.slug}/resultats.json").status_code == 404
    assert client.get("/votes/inconnue/resultats.csv").status_code == 404
    assert client.post(f"/votes/{draft.slug}/resultats.csv").status_code in {404, 405}
