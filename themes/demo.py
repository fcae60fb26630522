"""Demo content of the themes app: the themes, concepts and projects of the two
real newsletters (facts copied, prose written for the site)."""

import datetime

from django.utils import timezone

from core.demo_tools import (
    demo_illustration,
    ensure_page,
    heading,
    link,
    paragraphs,
    quote,
    rich_list,
)

from .demo_projects import PROJECTS
from .models import (
    ConceptIndexPage,
    ConceptPage,
    ProjectIndexPage,
    ProjectPage,
    ThemeIndexPage,
    ThemePage,
)
from .models.base import first_of_month

# The theme the September 2022 newsletter announced: contributions are called for it
# before its month comes (the resource proposal form takes it from ``?thematique=``).
NEXT_THEME_SLUG = "le-passage-a-l-action"
NEXT_THEME_TITLE = "Le passage à l'action"
NEXT_THEME_CONTRIBUTE_PATH = f"/contribuer/ressource/?thematique={NEXT_THEME_SLUG}"
EDITORIAL_EMAIL = "editorialisation@territoires-en-commun.fr"

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
                    "title": f"Prochaine thématique : « {NEXT_THEME_TITLE} »",
                    "text": "<p>Je suis une collectivité et je souhaite contribuer à la "
                    f"prochaine thématique « {NEXT_THEME_TITLE} » : "
                    f'<a href="{NEXT_THEME_CONTRIBUTE_PATH}">proposez une ressource</a> à '
                    "l'équipe éditoriale, ou envoyez-la à "
                    f"{EDITORIAL_EMAIL}.</p>",
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


def next_theme() -> dict:
    """« Le passage à l'action », announced for a year after the month the demo is
    loaded in: open to contributions, never « du mois » while the demo is in use, so the
    home page keeps September 2022's theme and an issue assembled for the coming months
    reuses it (as the newsletter tests expect)."""
    this_month = first_of_month(timezone.localdate())
    month = this_month.replace(year=this_month.year + 1)
    return dict(
        slug=NEXT_THEME_SLUG,
        title=NEXT_THEME_TITLE,
        month=month,
        intro=(
            "Après les bonnes questions à se poser, passer à l'action : lancer la démarche, "
            "mobiliser les habitants, rendre compte de ce qui a été fait de leurs contributions."
        ),
        body=paragraphs(
            "Cette thématique se construit avec vous : collectivités, associations et "
            "partenaires, proposez les ressources et les expériences qui vous ont aidés à "
            f'passer à l\'action (<a href="{NEXT_THEME_CONTRIBUTE_PATH}">proposer une '
            "ressource</a>).",
        ),
    )


# The drawings of core.illustrations each page opens with: decorative, so their text
# alternative stays empty (RGAA 1.2).
ILLUSTRATIONS = {
    "petite-enfance": "cercle",
    "retour-a-l-emploi": "chemins",
    "mettre-en-place-une-demarche-participative": "dialogue",
    "le-recit": "recit",
    "qualite-de-la-participation": "cercle",
    "la-boite-a-outils-des-conseils-de-quartier": "outils",
    "un-jeu-pour-convaincre-les-non-convaincus": "dialogue",
    "greve-du-chomage": "chemins",
}


def illustrated(spec: dict) -> dict:
    name = ILLUSTRATIONS.get(spec["slug"])
    return {**spec, "image": demo_illustration(name), "image_alt": ""} if name else spec


def presented_at(month: datetime.date) -> datetime.datetime:
    """Midnight on the first day of ``month``, in the site's time zone: when a newsletter
    presented a page, its first publication (the feeds date it so)."""
    return datetime.datetime.combine(
        first_of_month(month), datetime.time(), tzinfo=timezone.get_default_timezone()
    )


def load(*, home) -> None:
    indexes = {model: ensure_page(home, model, **spec)[0] for model, spec in INDEXES}
    themes = {
        spec["slug"]: ensure_page(indexes[ThemeIndexPage], ThemePage, **illustrated(spec))[0]
        for spec in [*THEMES, next_theme()]
    }
    for index_model, model, specs, themes_field in LINKED_PAGES:
        # Newest first on the site: created last to first, they list in the seeds' order
        # (by first publication, then by id among the pages of the same month).
        for spec in reversed(specs):
            spec = dict(spec)
            linked = [themes[slug] for slug in spec.pop("themes")]
            # The issue that presented a page of no theme, else a concept's own month,
            # else the month of the (first) theme that presented the project.
            month = spec.pop("presented", None) or spec.get("month")
            month = month or min(theme.month for theme in linked)
            spec[themes_field] = linked
            ensure_page(
                indexes[index_model],
                model,
                first_published_at=presented_at(month),
                **illustrated(spec),
            )
