"""The accessibility statement: every section the RGAA asks for, from its fields; its
status is the footer's; a status other than « non conforme » needs an audit."""

import datetime
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from core.models import AccessibilityStatementPage, AccessibilityStatus

pytestmark = pytest.mark.django_db

SECTIONS = [
    "État de conformité",
    "Résultats des tests",
    "Contenus non accessibles",
    "Non-conformités",
    "Dérogations pour charge disproportionnée",
    "Contenus non soumis à l'obligation d'accessibilité",
    "Établissement de cette déclaration d'accessibilité",
    "Méthode et auteur de l'évaluation",
    "Technologies utilisées pour la réalisation du site",
    "Environnement de test",
    "Pages du site ayant fait l'objet de la vérification de conformité",
    "Retour d'information et contact",
    "Voies de recours",
]


@pytest.fixture
def statement():
    statement = AccessibilityStatementPage.objects.get()
    statement.status = AccessibilityStatus.PARTIAL
    statement.compliance_rate = 72.5
    statement.evaluated_on = datetime.date(2027, 3, 1)
    statement.established_on = datetime.date(2027, 3, 2)
    statement.non_conformities = "<p>Le graphique des votes n'a pas d'alternative.</p>"
    statement.derogations = "<p>Les vidéos d'archives des Rencontres 2021.</p>"
    statement.test_environment = "Firefox 128 et NVDA 2024\nSafari et VoiceOver"
    statement.audited_pages = "Accueil — /\nAgenda — /agenda/"
    statement.save_revision().publish()
    return statement


def main_text(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return unescape(soup.select_one("main").get_text(" ", strip=True)), soup


def test_the_statement_has_every_section_in_order(client, statement):
    _text, soup = main_text(client, statement.url)
    headings = [h.get_text(strip=True) for h in soup.select("main h2, main h3")]
    assert [h for h in headings if h in SECTIONS] == SECTIONS


def test_the_statement_shows_its_fields(client, statement):
    text, _soup = main_text(client, statement.url)
    assert "Territoires en Commun est partiellement conforme" in text
    assert "L'audit de conformité réalisé le 1er mars 2027 révèle que 72,5 %" in text
    assert "Le graphique des votes n'a pas d'alternative." in text
    assert "Les vidéos d'archives des Rencontres 2021." in text
    assert "Firefox 128 et NVDA 2024" in text and "Safari et VoiceOver" in text
    assert "Agenda — /agenda/" in text
    assert "Cette déclaration a été établie le 2 mars 2027." in text
    assert "Défenseur des droits" in text and "09 69 39 00 00" in text
    assert "Libre réponse 71120, 75342 Paris CEDEX 07" in text


def test_the_footer_states_the_statements_status(client, statement):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    labels = [a.get_text(strip=True) for a in soup.select(".fr-footer__bottom-link")]
    assert "Accessibilité : partiellement conforme" in labels


def test_a_draft_statement_leaves_the_footer_non_conforme(client, statement):
    statement.unpublish()
    soup = BeautifulSoup(client.get("/agenda/").content, "html.parser")
    labels = [a.get_text(strip=True) for a in soup.select(".fr-footer__bottom-link")]
    assert "Accessibilité : non conforme" in labels


def test_a_conformity_claimed_without_an_audit_is_refused():
    page = AccessibilityStatementPage(
        title="Déclaration",
        slug="declaration",
        status=AccessibilityStatus.FULL,
        compliance_rate=None,
        established_on=datetime.date(2027, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "sans audit" in error.value.message_dict["compliance_rate"][0]


def test_full_conformity_means_every_criterion():
    page = AccessibilityStatementPage(
        title="Déclaration",
        slug="declaration",
        status=AccessibilityStatus.FULL,
        compliance_rate=98,
        evaluated_on=datetime.date(2027, 1, 1),
        established_on=datetime.date(2027, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "100 %" in error.value.message_dict["status"][0]
