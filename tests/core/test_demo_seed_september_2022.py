"""The demo's September 2022 newsletter, theme and home page, true to the seed
(../shared/seeds/000_*.txt) section by section."""

import re
from html import unescape

import pytest

from themes.models import ProjectPage, ThemePage

pytestmark = pytest.mark.django_db

THEME = "Mettre en place une démarche participative : les bonnes questions à se poser"
PROJECTS = [
    "Un jeu pour convaincre les non-convaincus de la participation citoyenne",
    "Comment mettre en place une démarche participative dans sa collectivité ?",
    "La boîte à outils des Conseils de Quartier",
]
PARTNER_NEWS = [
    "Quels prérequis pour lancer une démarche participative ?",
    "Democracy Happy Hour : la Malette des Barmans",
    "Les Rencontres européennes de la participation",
    "Les acteurs du numérique d'intérêt général ont rendez-vous à Lens",
]
AGENDA = [
    "Festival « Faire autrement — Sur les chemins de l'utopie »",
    "Réunion européenne Open Government Partnership (OGP)",
    "La conférence annuelle de l'OIDP",
]


def text_of(response) -> str:
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)))


def in_order(text: str, parts: list[str]) -> list[str]:
    """The parts not found in ``text`` one after the other (empty when all are)."""
    position, missing = 0, []
    for part in parts:
        found = text.find(part, position)
        if found == -1:
            missing.append(part)
        else:
            position = found + len(part)
    return missing


def test_the_theme_has_the_seeds_three_inspiring_items_as_projects():
    theme = ThemePage.objects.get(title=THEME)
    titles = set(ProjectPage.objects.live().filter(themes=theme).values_list("title", flat=True))
    assert titles == set(PROJECTS)


def test_the_theme_page_lists_its_own_projects(client):
    text = text_of(client.get("/thematiques/mettre-en-place-une-demarche-participative/"))
    assert not in_order(text, PROJECTS)
    assert "Retour à l'emploi" not in text.split("Projets", 1)[-1].split("Ressources", 1)[0]


def test_the_home_page_shows_the_featured_themes_own_projects(client):
    text = text_of(client.get("/"))
    section = text.split("Projets démocratiques et expériences territoriales", 1)[1]
    section = section.split("Votez pour une thématique", 1)[0]
    assert not in_order(section, PROJECTS)
    assert "Wake Up Café" not in section and "grève du chômage" not in section


def test_the_archived_issue_follows_the_seed_section_by_section(client):
    text = text_of(client.get("/newsletter/archives/2022-09/"))
    assert not in_order(
        text,
        [
            "Thématique du mois",
            THEME,
            "préciser mon besoin",
            "En introduction…",
            "Évaluer les démarches de participation citoyenne",
            "Projets démocratiques et expériences territoriales pour vous inspirer",
            *PROJECTS,
            "contribuer à la prochaine thématique « Le passage à l'action »",
            "editorialisation@territoires-en-commun.fr",
            "Votez pour les thématiques des projets partagés proposés par l'ANCT",
            "C'est vous qui décidez !",
            "Votez pour une thématique",
            "Le concept du mois : Le récit",
            "Actualités des partenaires de Territoires en Commun",
            *PARTNER_NEWS,
            "À vos agendas !",
            *AGENDA,
            "Je suis une collectivité et je souhaite partager mes événements",
        ],
    )
    assert "Wake Up Café" not in text


def test_the_contribution_call_opens_the_form_on_the_next_theme(client):
    html = unescape(client.get("/newsletter/archives/2022-09/").content.decode())
    assert (
        'href="http://testserver/contribuer/ressource/?thematique=le-passage-a-l-action"' in (html)
        or "/contribuer/ressource/?thematique=le-passage-a-l-action" in html
    )
    next_theme = ThemePage.objects.get(slug="le-passage-a-l-action")
    assert next_theme.live and next_theme.title == "Le passage à l'action"


def test_the_theme_page_calls_for_the_next_theme(client):
    html = unescape(
        client.get("/thematiques/mettre-en-place-une-demarche-participative/").content.decode()
    )
    assert "Prochaine thématique : « Le passage à l'action »" in html
    assert 'href="/contribuer/ressource/?thematique=le-passage-a-l-action"' in html


def test_the_next_theme_is_not_yet_the_theme_of_the_month(client):
    text = text_of(client.get("/"))
    assert f"Thématique du mois · septembre 2022 {THEME}" in text


def test_the_archived_issue_calls_to_vote_as_the_seed_did(client):
    html = unescape(client.get("/newsletter/archives/2022-09/").content.decode())
    section = html.split("Votez pour les thématiques des projets partagés proposés par l'ANCT")[1]
    section = section.split("</section>", 1)[0]
    assert "un thème est choisi pour faire l'objet d'un projet partagé" in section
    assert 'href="/votes/prochain-projet-partage/"' in section
    # The tallies as they stood when the issue was sent, in text.
    assert "<caption>Votes par thématique" in section
