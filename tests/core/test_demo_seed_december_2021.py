"""The demo's December 2021 newsletter and theme, true to the seed
(../shared/seeds/002_*.txt) section by section."""

import pytest

from themes.models import ProjectPage, ThemePage

from .test_demo_seed_september_2022 import in_order, text_of

pytestmark = pytest.mark.django_db

PROJECTS = [
    "La grève du chômage menée par Territoires zéro chômage de longue durée",
    "L'association Wake Up Café aide les détenus à trouver un emploi",
    "Collectif Repérages",
    "Handipacte Île-de-France",
]


def test_the_theme_has_its_four_projects():
    theme = ThemePage.objects.get(slug="retour-a-l-emploi")
    titles = set(ProjectPage.objects.live().filter(themes=theme).values_list("title", flat=True))
    assert titles == set(PROJECTS)


def test_the_archived_issue_follows_the_seed_section_by_section(client):
    text = text_of(client.get("/newsletter/archives/2021-12/"))
    assert not in_order(
        text,
        [
            "Édito",
            "la petite enfance",
            "Thématique du mois",
            "Retour à l'emploi",
            "En introduction…",
            "L'ingénierie participative",
            *PROJECTS,
            "Pour aller plus loin sur la mobilité inclusive",
            "Être bénévole ou volontaire : un tremplin vers l'emploi ?",
            "Le concept du mois : Qualité de la participation",
            "Actualités de l'écosystème de Territoires en Commun",
            "Des nouvelles du projet partagé",
            "La remise des Trophées de la participation",
            "Les Rencontres DO",
            "À vos agendas !",
            "Je suis une collectivité et je souhaite partager mes événements",
            "editorialisation@territoires-en-commun.fr",
        ],
    )
    # The vote as it stood when the issue went out.
    assert "Aménagement des territoires" in text
    assert "prochaine thématique" not in text


def test_the_agenda_holds_the_seeds_january_dates(client):
    text = text_of(client.get("/newsletter/archives/2021-12/"))
    agenda = text.split("À vos agendas !", 1)[1]
    for title in [
        "Handicap : innovations et réseaux",
        "Comment la mobilité solidaire s'impose ?",
        "Prévenir plutôt que guérir",
    ]:
        assert title in agenda, title
