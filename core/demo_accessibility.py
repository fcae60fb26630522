"""Demo accessibility statement and multi-year plan, filled from the project's own
automated checks (tests/browser/test_rgaa_*.py and axe-core) and the date they were
last run for this statement."""

import datetime

from django.conf import settings

from .demo_tools import ensure_legal_page, heading, paragraphs, rich_list
from .models import AccessibilityStatementPage, AccessibilityStatus, ContentPage, HomePage
from .rgaa_report import TOOLS, rgaa_report_read, statement_fields

CHECKED_ON = datetime.date(2026, 12, 3)

PLAN = dict(
    slug="schema-pluriannuel-accessibilite",
    title="Schéma pluriannuel de mise en accessibilité 2026-2028",
    intro=(
        "Comment l'Agence nationale de la cohésion des territoires rend Territoires en Commun "
        "accessible, année par année."
    ),
    body=[
        heading("Organisation"),
        *paragraphs(
            "Un référent accessibilité de l'équipe de Territoires en Commun suit la mise en "
            "conformité et la formation de l'équipe éditoriale. Chaque évolution du site est "
            "vérifiée automatiquement (axe-core, affichage à 320 pixels, espacement du texte, "
            "focus visible, thème sombre, titres de page et hiérarchie des titres) avant sa "
            "mise en ligne.",
        ),
        heading("Plan d'action 2026"),
        rich_list(
            "Vérifications automatisées sur chaque type de page public, en thème clair et en "
            "thème sombre ;",
            "formation des éditeurs à la rédaction de textes alternatifs et de titres ;",
        ),
        heading("Plan d'action 2027"),
        rich_list(
            "Audit complet de conformité au RGAA 4.1 par un prestataire indépendant, sur "
            "l'échantillon de pages de la déclaration ;",
            "correction des non-conformités relevées et mise à jour de la déclaration.",
        ),
        heading("Plan d'action 2028"),
        rich_list(
            "Tests utilisateurs avec des personnes en situation de handicap ;",
            "nouvel audit après les évolutions majeures du site.",
        ),
    ],
)

STATEMENT = dict(
    slug="accessibilite",
    title="Déclaration d'accessibilité",
    status=AccessibilityStatus.NONE,
    compliance_rate=None,
    evaluated_on=CHECKED_ON,
    established_on=CHECKED_ON,
    evaluation_method=(
        "Aucun audit complet n'a encore été réalisé. L'équipe de Territoires en Commun "
        "vérifie automatiquement chaque version du site : axe-core en thème clair et en "
        "thème sombre, affichage à 320 pixels sans défilement horizontal (RGAA 10.4 et "
        "10.11), espacement du texte (10.12), focus visible (10.7), titres de page uniques "
        "(8.6), hiérarchie des titres (9.1), validité du code HTML avec le Nu HTML checker "
        "(8.2) et graphiques des votes lisibles sans la couleur (3.1). Ces vérifications ne "
        "couvrent qu'une partie des critères du RGAA 4.1."
    ),
    non_conformities=(
        "<p>Faute d'audit complet, les non-conformités ne sont pas toutes connues. Les "
        "vérifications automatisées n'en relèvent aucune sur les pages évaluées.</p>"
    ),
    derogations="",
    exemptions=(
        "<p>Les documents des partenaires (guides, notes d'enquête, présentations) publiés "
        "avant le 23 septembre 2018 et les vidéos de partenaires vers lesquelles le site "
        "renvoie.</p>"
    ),
    technologies="HTML5, CSS, JavaScript, SVG, Système de design de l'État (DSFR)",
    test_environment="\n".join(
        [
            "Chromium (dernière version), sous Linux, à 1280 et 320 pixels de large",
            "Thème clair et thème sombre du Système de design de l'État",
        ]
    ),
    tools="\n".join(TOOLS),
    audited_pages="\n".join(
        [
            "Accueil — /",
            "Thématiques — /thematiques/",
            "Une thématique — /thematiques/mettre-en-place-une-demarche-participative/",
            "Un concept du mois — /concepts/le-recit/",
            "Un projet — /projets/la-boite-a-outils-des-conseils-de-quartier/",
            "Ressources — /ressources/",
            "Agenda — /agenda/",
            "Un événement — /agenda/rencontres-do-edition-territoires/",
            "Résultats d'un vote — /votes/priorites-d-action-2021/",
            "Newsletter et ses archives — /newsletter/archives/",
            "Contribuer — /contribuer/",
            "Déclaration d'accessibilité — /accessibilite/",
        ]
    ),
    contact_email="contact@territoires-en-commun.fr",
    contact_address="Agence nationale de la cohésion des territoires\n20 avenue de Ségur\n75007 Paris",
)


def load_accessibility_statement(home: HomePage) -> AccessibilityStatementPage | None:
    """The statement at /accessibilite/ and the multi-year plan it links to; with the
    report of a run of the RGAA checks at hand (RGAA_REPORT_DIR), its date, method,
    pages and findings."""
    plan = ensure_legal_page(home, ContentPage, **PLAN)
    fields = dict(STATEMENT)
    report = rgaa_report_read(folder=settings.RGAA_REPORT_DIR)
    if report is not None:
        fields.update(statement_fields(report), established_on=report.date)
    return ensure_legal_page(home, AccessibilityStatementPage, multi_year_plan=plan, **fields)
