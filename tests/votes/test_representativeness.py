"""Whom the voting collectivités represent: the population they cover counts each
inhabitant once (a commune and its EPCI that both vote), by type, région and
département, for the campaign and each theme; on the page, in a table beside the
map, and in the exports."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from collectivites.models import Collectivite
from tests.collectivites.factories import CollectiviteFactory, RepresentativeFactory
from tests.votes.conftest import page_text
from votes import selectors
from votes.services import ballot_cast

pytestmark = pytest.mark.django_db

# Real collectivités of the official list: Blain belongs to the CC du Pays de Blain,
# Nantes does not.
BLAIN, NANTES, CC_BLAIN = ("commune", "44015"), ("commune", "44109"), ("epci", "244400453")


def real(kind, code) -> Collectivite:
    return Collectivite.objects.get(kind=kind, code=code)


def vote(collectivite, campaign, theme):
    rep = RepresentativeFactory(collectivite=collectivite)
    ballot_cast(representative=rep, campaign=campaign, candidates=[theme])


def population_of(codes) -> int:
    communes = Collectivite.objects.filter(kind="commune", code__in=codes, is_current=True)
    return sum(c.population for c in communes)


@pytest.fixture
def blain_and_its_epci_voted(campaign, themes):
    vote(real(*BLAIN), campaign, themes["Droit à la mobilité"])
    vote(real(*CC_BLAIN), campaign, themes["Droit à la mobilité"])
    vote(real(*NANTES), campaign, themes["Précarité alimentaire"])
    return campaign


def test_a_commune_and_its_epci_count_their_inhabitants_once(blain_and_its_epci_voted, themes):
    r = selectors.representativeness_compute(campaign=blain_and_its_epci_voted)
    members = ["44015", "44023", "44062", "44221"]  # the CC's communes, Blain among them
    blain, nantes = real(*BLAIN).population, real(*NANTES).population
    assert blain > 0 and nantes > 0
    assert r.collectivites == 3
    assert r.population == population_of(members) + nantes
    assert r.population < blain + real(*CC_BLAIN).population + nantes  # no double count
    # By type, each collectivité keeps its own population.
    by_kind = {c.key: (c.collectivites, c.population) for c in r.by_kind}
    assert by_kind == {"commune": (2, blain + nantes), "epci": (1, real(*CC_BLAIN).population)}
    # Per theme: the EPCI and Blain chose the same theme, Nantes the other.
    mobility = r.by_theme[themes["Droit à la mobilité"].pk]
    assert (mobility.collectivites, mobility.population) == (2, population_of(members))
    assert r.by_theme[themes["Précarité alimentaire"].pk].population == nantes
    # By territory: all in Loire-Atlantique, Pays de la Loire.
    (departement,) = r.by_departement
    assert (departement.key, departement.collectivites, departement.population) == (
        "44",
        3,
        r.population,
    )
    assert departement.label == "Loire-Atlantique (44)"
    assert 0 < departement.share < 100
    (region,) = r.by_region
    assert (region.label, region.population) == ("Pays de la Loire", r.population)


def test_a_departement_that_votes_covers_its_communes_and_their_epci(
    blain_and_its_epci_voted, themes
):
    vote(real("departement", "44"), blain_and_its_epci_voted, themes["Isolement des seniors"])
    r = selectors.representativeness_compute(campaign=blain_and_its_epci_voted)
    assert r.collectivites == 4
    assert r.population == real("departement", "44").population
    assert r.by_departement[0].share == 100.0


def test_the_results_page_shows_the_rule_the_tables_and_the_map(client, blain_and_its_epci_voted):
    response = client.get(f"/votes/{blain_and_its_epci_voted.slug}/")
    text = page_text(response)
    r = selectors.representativeness_compute(campaign=blain_and_its_epci_voted)
    figure = f"{r.population:,}".replace(",", "\u202f")
    assert "Qui représentent-elles ?" in text
    assert f"Les 3 collectivités votantes couvrent {figure} habitants" in text
    assert "Chaque habitant n'est compté qu'une fois" in text
    page = BeautifulSoup(response.content, "html.parser")
    table = page.find("caption", string=lambda s: s and "par département" in s).find_parent("table")
    rows = [
        [c.get_text(strip=True) for c in tr.select("th, td")] for tr in table.select("tbody tr")
    ]
    assert rows == [
        [
            "Loire-Atlantique (44)",
            "3",
            figure,
            f"{r.by_departement[0].share:.2f} %".replace(".", ","),
        ]
    ]
    themes_table = page.find("caption", string="Population couverte par thème").find_parent("table")
    assert "Droit à la mobilité" in themes_table.get_text()
    # The map: the State's chart library, vendored, inert beside its table.
    map_chart = page.find("map-chart")
    assert map_chart.find_parent(attrs={"aria-hidden": "true", "inert": True}) is not None
    assert '"44"' in map_chart["data"]
    scripts = [tag["src"] for tag in page.find_all("script", attrs={"type": "module"})]
    assert any(src.endswith("vendor/dsfr-chart/MapChart.js") for src in scripts)


def test_the_exports_carry_the_same_figures(client, blain_and_its_epci_voted, themes):
    slug = blain_and_its_epci_voted.slug
    r = selectors.representativeness_compute(campaign=blain_and_its_epci_voted)
    content = client.get(f"/votes/{slug}/representativite.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0][:5] == [
        "Niveau",
        "Code",
        "Libellé",
        "Collectivités votantes",
        "Population couverte (habitants)",
    ]
    assert rows[1][:5] == ["Ensemble", "", "France", "3", str(r.population)]
    assert ["Département", "44", "Loire-Atlantique (44)", "3", str(r.population)] == rows[-1][:5]
    results = client.get(f"/votes/{slug}/resultats.csv").content.decode("utf-8-sig")
    theme_rows = list(csv.reader(io.StringIO(results), delimiter=";"))
    mobility = next(row for row in theme_rows if row[1] == "Droit à la mobilité")
    assert mobility[5] == str(r.by_theme[themes["Droit à la mobilité"].pk].population)
    workbook = load_workbook(io.BytesIO(client.get(f"/votes/{slug}/resultats.xlsx").content))
    sheet = workbook["Représentativité"]
    assert [c.value for c in sheet[2]][:5] == ["Ensemble", None, "France", 3, r.population]
    data = client.get(f"/votes/{slug}/resultats.json").json()["representativite"]
    assert data["population_couverte"] == r.population
    assert data["par_departement"][0]["code"] == "44"


def test_the_results_page_queries_do_not_grow_with_the_collectivites(
    client, campaign, themes, django_assert_max_num_queries
):
    theme = themes["Droit à la mobilité"]
    epcis = list(Collectivite.objects.filter(kind="epci", departement="35")[:6])
    vote(epcis[0], campaign, theme)
    vote(CollectiviteFactory(), campaign, theme)
    client.get(f"/votes/{campaign.slug}/")
    with django_assert_max_num_queries(60) as captured:
        client.get(f"/votes/{campaign.slug}/")
    baseline = len(captured.captured_queries)
    for epci in epcis[1:]:
        vote(epci, campaign, theme)
    for commune in Collectivite.objects.filter(kind="commune", departement="29")[:10]:
        vote(commune, campaign, theme)
    vote(real("region", "53"), campaign, theme)
    with django_assert_max_num_queries(baseline):
        response = client.get(f"/votes/{campaign.slug}/")
    assert "18 collectivités votantes couvrent" in page_text(response)


def test_an_epci_whose_members_are_unknown_covers_its_own_population(campaign, themes):
    newer = CollectiviteFactory(kind="epci", code="200999999", departement="35", region="53")
    vote(newer, campaign, themes["Droit à la mobilité"])
    r = selectors.representativeness_compute(campaign=campaign)
    assert r.population == newer.population
    assert [(c.key, c.population) for c in r.by_departement] == [("35", newer.population)]
