"""Demo content of the themes app: the themes, concepts and projects of the two
real newsletters (facts copied, prose written for the site)."""

import datetime

from core.demo_tools import ensure_page, heading, link, paragraphs, quote, rich_list

from .models import (
    ConceptIndexPage,
    ConceptPage,
    ProjectIndexPage,
    ProjectPage,
    ThemeIndexPage,
    ThemePage,
)

THEMES = [
    dict(
        slug="petite-enfance",
        title="Petite enfance",
        month=datetime.date(2021, 11, 1),
        intro=(
            "L'accueil des jeunes enfants et l'accompagnement des parents au plus près de chez "
            "eux : une préoccupation partagée par les collectivités de toutes tailles."
        ),
        body=paragraphs(
            "Crèches, relais petite enfance, lieux d'accueil enfants-parents : les communes et "
            "leurs groupements inventent d'autres manières d'accompagner les familles et de "
            "coopérer avec le système éducatif et les institutions compétentes.",
            "Cette thématique rassemble des exemples de projets existants pour vous aider à "
            "concrétiser les vôtres, avec les familles plutôt que pour elles.",
        ),
    ),
    dict(
        slug="retour-a-l-emploi",
        title="Retour à l'emploi",
        month=datetime.date(2021, 12, 1),
        intro=(
            "Des ressources sur l'insertion des personnes éloignées du marché du travail, là où "
            "se croisent développement territorial et solidarité."
        ),
        body=[
            *paragraphs(
                "Le retour à l'emploi met en résonance de multiples parties prenantes : "
                "collectivités, acteurs de l'emploi et citoyens. Cette thématique explore ce que "
                "la participation citoyenne peut apporter à l'inclusion professionnelle.",
            ),
            heading("Ce que vous trouverez ici"),
            rich_list(
                "une tribune sur l'ingénierie participative comme levier d'emplois ;",
                "des expériences territoriales : la Grève du chômage, Wake Up Café, le "
                "Collectif Repérages, Handipacte Île-de-France ;",
                "un article sur le bénévolat et le volontariat comme tremplin vers l'emploi.",
            ),
        ],
    ),
    dict(
        slug="mettre-en-place-une-demarche-participative",
        title="Mettre en place une démarche participative : les bonnes questions à se poser",
        month=datetime.date(2022, 9, 1),
        intro=(
            "Pour la rentrée 2022, (re)découvrez les fondamentaux de la participation "
            "citoyenne : guides, outils, jeux, MOOC et conférences."
        ),
        body=[
            *paragraphs(
                "Avant de lancer une démarche participative, quelques questions méritent d'être "
                "posées : pourquoi associer les habitants, à quel moment, avec quelle marge de "
                "manœuvre réelle, et comment rendre compte de ce qui a été fait des "
                "contributions ?",
                "Les retours d'expériences de collectivités françaises, mais aussi de Tunisie, de "
                "Suisse ou d'Espagne, vous aideront à trouver l'inspiration et l'élan pour mener "
                "des démarches de participation et de coopération abouties.",
            ),
            {
                "type": "callout",
                "value": {
                    "title": "Prochaine thématique : le passage à l'action",
                    "text": "<p>Vous avez une ressource à partager sur le passage à "
                    "l'action ? Proposez-la à l'équipe éditoriale.</p>",
                    "link_label": "",
                    "link_url": "",
                },
            },
        ],
    ),
]

CONCEPTS = [
    dict(
        slug="qualite-de-la-participation",
        title="Qualité de la participation",
        month=datetime.date(2021, 12, 1),
        themes=["retour-a-l-emploi"],
        intro=(
            "Qu'est-ce qu'une participation « de qualité » ? Deux registres sont souvent "
            "invoqués : celui de la procédure et celui des effets."
        ),
        body=[
            heading("La qualité de la procédure"),
            *paragraphs(
                "Le premier registre porte sur la démarche elle-même : la justesse des usages, "
                "l'horizontalité des échanges, le degré de coopération entre parties prenantes. "
                "Un large consensus existe sur ses principes : clarté du cadre, état d'esprit "
                "des initiateurs, diversité des publics, pouvoir d'initiative des participants. "
                "La Charte de la participation du public les rassemble et sert à la fois "
                "d'aide-mémoire et de grille d'évaluation.",
            ),
            heading("La qualité des effets"),
            *paragraphs(
                "Le second registre interroge ce que la démarche a changé. A-t-elle enrichi la "
                "décision publique, amélioré le projet ? Les habitants sont-ils plus engagés "
                "dans la vie locale, les élus se tournent-ils plus volontiers vers eux ?",
            ),
            heading("Qualité et évaluation"),
            *paragraphs(
                "Territoires en Commun retient que la qualité d'un processus participatif tient "
                "à la fois à l'exigence démocratique que se donne une collectivité et à la "
                "culture de la participation de son territoire. Elle se lie directement à "
                "l'évaluation, qui peut être quantitative (un jury impartial, des critères qui "
                "évoluent) ou « sensible » (les témoignages et récits des participants).",
            ),
            heading("Les critères d'évaluation des Trophées de la participation"),
            rich_list(
                "Définition d'objectifs clairs attribués à la démarche de participation",
                "Qualité de la conception de la démarche (choix des outils, implication des "
                "parties prenantes dès la conception, calendrier, règles du jeu)",
                "Inclusion des publics ciblés",
                "Impact démocratique de la démarche (information des publics, prise en compte "
                "des avis, amélioration du projet, conséquence sur la décision)",
                "Moyens humains et financiers de la démarche, au regard des moyens du porteur",
                "Caractère innovant de la démarche",
                "Réplicabilité de la démarche",
            ),
        ],
        further_reading=[
            link(
                "L'Indice de Qualité Démocratique développé par Démocratie Ouverte",
                "https://www.democratieouverte.org",
            ),
            link("L'évaluation de la participation par l'ICPC", "https://i-cpc.org"),
            link(
                "Les critères des garants de concertation par la CNDP", "https://www.debatpublic.fr"
            ),
            link("Les chartes de la participation", "https://www.ecologie.gouv.fr"),
        ],
    ),
    dict(
        slug="le-recit",
        title="Le récit",
        month=datetime.date(2022, 9, 1),
        themes=["mettre-en-place-une-demarche-participative"],
        intro=(
            "De plus en plus de collectivités font l'hypothèse que la mise en récit aide à "
            "créer collectivement du sens face aux crises démocratique, environnementale et "
            "sociale. Mais de quels récits parle-t-on ?"
        ),
        body=[
            heading("Le récit territorial partagé"),
            *paragraphs(
                "La mise en récit n'est pas le storytelling, qui raconte une histoire pour "
                "susciter l'adhésion sans qu'elle corresponde à une réalité partagée. Elle peut "
                "au contraire raconter le territoire tel que le vivent ses habitantes et "
                "habitants, pour que les décisions locales s'y ajustent.",
                "À Saint-Étienne (Loire), le conseil citoyen du Crêt de Roc Soleil a commencé "
                "ses travaux par un micro-trottoir recueillant le vécu des habitants. Les "
                "balades urbaines, qui font émerger un diagnostic partagé et une mémoire "
                "collective des lieux, participent du même mouvement.",
            ),
            heading("Le récit alternatif des transitions"),
            *paragraphs(
                "Le récit sert aussi à imaginer des futurs souhaitables. À Loos-en-Gohelle, "
                "ancienne ville minière, une histoire alternative à la désindustrialisation est "
                "devenue un vecteur de dialogue et de résilience : un film, « Loos, hier, "
                "aujourd'hui, demain », un festival populaire, les Gohelliades, et des habitants "
                "accompagnés pour raconter leurs projets lors du forum citoyen permanent.",
            ),
            quote(
                "Le problème n'est plus de choisir entre optimisme et pessimisme, mais "
                "d'absorber la situation nouvelle du changement écologique.",
                "D'après Bruno Latour",
            ),
            *paragraphs(
                "Un récit vivant, jamais figé dans la nostalgie ni dans un avenir inatteignable, "
                "capable d'évoluer avec l'histoire du territoire et les contributions de ses "
                "habitants.",
            ),
        ],
        further_reading=[],
    ),
]

PROJECTS = [
    dict(
        slug="greve-du-chomage",
        title="La grève du chômage menée par Territoires zéro chômage de longue durée",
        territory="Territoires zéro chômage de longue durée (plus de 75 territoires)",
        themes=["retour-a-l-emploi"],
        tags=["emploi", "mobilisation citoyenne"],
        external_url="https://www.tzcld.fr",
        external_label="Pour découvrir le projet",
        intro=(
            "La 6e édition de la Grève du chômage a réuni en novembre 2021 plus de 75 "
            "territoires : des personnes privées d'emploi et volontaires pour travailler se "
            "sont mobilisées sur des missions utiles."
        ),
        body=paragraphs(
            "Le temps d'une journée, les participants montrent par l'action qu'il y a du "
            "travail utile à faire sur chaque territoire, et alertent sur les barrières "
            "concrètes qui les tiennent éloignés de l'emploi.",
        ),
    ),
    dict(
        slug="wake-up-cafe",
        title="L'association Wake Up Café aide les détenus à trouver un emploi",
        territory="Association Wake Up Café",
        themes=["retour-a-l-emploi"],
        tags=["emploi", "réinsertion"],
        external_url="https://www.wakeupcafe.org",
        external_label="Découvrez l'initiative",
        intro=(
            "Depuis 2014, Wake Up Café accompagne la réinsertion des personnes détenues, de la "
            "fin de leur peine jusqu'au retour dans le monde professionnel."
        ),
        body=paragraphs(
            "Projets artistiques, ateliers, soirées : l'association crée des occasions de "
            "rencontre et de confiance qui préparent le retour à l'emploi.",
        ),
    ),
    dict(
        slug="collectif-reperages",
        title="Collectif Repérages",
        territory="Val-de-Marne",
        departement="94",
        themes=["retour-a-l-emploi"],
        tags=["emploi", "formation", "audiovisuel"],
        intro=(
            "Soutenue par le Conseil départemental du Val-de-Marne, l'association remobilise "
            "des personnes éloignées de l'emploi par la formation aux métiers de l'audiovisuel."
        ),
        body=paragraphs(
            "Tournages, montage, réalisation : la pratique d'un métier concret redonne des "
            "repères et ouvre des perspectives professionnelles.",
        ),
    ),
    dict(
        slug="handipacte-ile-de-france",
        title="Handipacte Île-de-France",
        territory="Île-de-France",
        region="11",
        themes=["retour-a-l-emploi"],
        tags=["mobilité inclusive", "handicap"],
        intro=(
            "Une plateforme de ressources pour outiller les collectivités sur les enjeux de la "
            "mobilité locale et inclusive."
        ),
        body=paragraphs(
            "Se déplacer est souvent la première condition d'un retour à l'emploi : la "
            "plateforme rassemble des outils pour des politiques de mobilité qui n'oublient "
            "personne.",
        ),
    ),
    dict(
        slug="droit-des-adolescents-et-des-jeunes",
        title="Le droit des adolescents et des jeunes à une vie épanouie",
        territory="Tarascon-sur-Ariège, Paris 20e, L'Île-Saint-Denis et Rezé",
        themes=[],
        tags=["projet partagé", "jeunesse"],
        intro=(
            "Le projet partagé de l'ANCT avec Tarascon-sur-Ariège, Paris 20e, L'Île-Saint-Denis "
            "et Rezé : concevoir la politique locale de jeunesse avec et par les adolescents et "
            "les jeunes adultes."
        ),
        body=paragraphs(
            "Quatre collectivités de tailles très différentes travaillent ensemble, avec "
            "l'appui de l'ANCT, pour associer les jeunes à la conception des politiques qui "
            "les concernent.",
        ),
    ),
]


INDEXES = [
    (
        ThemeIndexPage,
        dict(
            slug="thematiques",
            title="Thématiques",
            show_in_menus=True,
            search_description=(
                "Les thématiques d'inspiration de Territoires en Commun, mois par mois."
            ),
            intro=(
                "<p>Chaque mois, une thématique d'inspiration rassemble des ressources, des "
                "expériences territoriales et un concept pour agir : retour à l'emploi, petite "
                "enfance, démarches participatives…</p>"
            ),
        ),
    ),
    (
        ProjectIndexPage,
        dict(
            slug="projets",
            title="Projets",
            show_in_menus=True,
            search_description=(
                "Projets démocratiques et expériences territoriales pour vous inspirer."
            ),
            intro=(
                "<p>Projets démocratiques et expériences territoriales pour vous inspirer : des "
                "collectivités et des associations, en France et ailleurs, racontent ce "
                "qu'elles ont mis en place et ce qu'elles en ont appris.</p>"
            ),
        ),
    ),
    (
        ConceptIndexPage,
        dict(
            slug="concepts",
            title="Concepts du mois",
            search_description="Chaque mois, un concept de la participation citoyenne expliqué.",
            intro=(
                "<p>Chaque mois, un concept de la participation citoyenne et des coopérations "
                "expliqué en quelques pages, avec de quoi aller plus loin.</p>"
            ),
        ),
    ),
]

# The pages linked to themes: their index, their model, their specs, and the field
# that takes the themes named in each spec's ``themes``.
LINKED_PAGES = [
    (ConceptIndexPage, ConceptPage, CONCEPTS, "related_themes"),
    (ProjectIndexPage, ProjectPage, PROJECTS, "themes"),
]


def load(*, home) -> None:
    indexes = {model: ensure_page(home, model, **spec)[0] for model, spec in INDEXES}
    themes = {
        spec["slug"]: ensure_page(indexes[ThemeIndexPage], ThemePage, **spec)[0] for spec in THEMES
    }
    for index_model, model, specs, themes_field in LINKED_PAGES:
        for spec in specs:
            spec = dict(spec)
            spec[themes_field] = [themes[slug] for slug in spec.pop("themes")]
            ensure_page(indexes[index_model], model, **spec)
