"""Demo content of the resource library: the resources of the two real newsletters."""

import datetime

from core.demo_tools import ensure_page
from core.models import Partner
from themes.models import ThemePage

from .models import Audience, Resource, ResourceIndexPage
from .services import resource_create

# The resources of each newsletter, all sent with its theme on one date; ``intro``
# marks the one the theme opens with (« En introduction… »).
NEWSLETTERS = [
    dict(
        theme="mettre-en-place-une-demarche-participative",
        published_on=datetime.date(2022, 9, 1),
        resources=[
            dict(
                slug="evaluer-les-demarches-de-participation-citoyenne",
                title="Évaluer les démarches de participation citoyenne",
                kind="enquete",
                publisher="Décider ensemble",
                url="https://www.deciderensemble.com",
                audiences=["elus", "agents"],
                tags=["évaluation", "enquête"],
                intro=True,
                summary=(
                    "Les démarches de participation se multiplient mais sont rarement évaluées. "
                    "Décider ensemble et D21 ont enquêté auprès des collectivités locales : la "
                    "note synthétise les principaux résultats, des pistes de réflexion et des "
                    "recommandations pour évaluer vos démarches."
                ),
            ),
            dict(
                slug="un-jeu-pour-convaincre-les-non-convaincus",
                title="Un jeu pour convaincre les non-convaincus de la participation citoyenne",
                kind="jeu",
                url="https://agence-cohesion-territoires.gouv.fr",
                audiences=["elus", "agents", "associations"],
                tags=["animation", "anti-problème"],
                summary=(
                    "Inspiré de la technique de l'anti-problème, ce jeu explore les arguments de "
                    "celles et ceux que la participation citoyenne ne convainc pas, pour imaginer "
                    "des réponses et des leviers d'action. Retourner la question de départ aide à "
                    "trouver des idées neuves face à un problème complexe."
                ),
            ),
            dict(
                slug="comment-mettre-en-place-une-demarche-participative",
                title="Comment mettre en place une démarche participative dans sa collectivité ?",
                kind="conference",
                url="https://elueslocales.fr",
                audiences=["elus"],
                tags=["webinaire", "témoignages d'élues"],
                summary=(
                    "Un webinaire de l'association Élu·es Locales : Anouch Toranian, adjointe à la "
                    "maire de Paris chargée de la participation citoyenne, et Aurélie Mézière, "
                    "maire de Plessé, témoignent des actions menées dans leurs communes et des "
                    "outils qu'elles ont utilisés."
                ),
            ),
            dict(
                slug="boite-a-outils-des-conseils-de-quartier",
                title="La boîte à outils des Conseils de Quartier",
                kind="boite-a-outils",
                url="https://www.paris.fr",
                audiences=["habitants", "associations", "agents"],
                tags=["intelligence collective", "conseils de quartier", "fiches méthode"],
                summary=(
                    "Vingt fiches outils et fiches méthodes, pour la plupart testées dans trois "
                    "Conseils de Quartier pilotes de la Ville de Paris, pour animer des ateliers "
                    "d'intelligence collective dans une démarche participative."
                ),
            ),
        ],
    ),
    dict(
        theme="retour-a-l-emploi",
        published_on=datetime.date(2021, 12, 1),
        resources=[
            dict(
                slug="ingenierie-participative-democratie-locale-plus-vivante",
                title=(
                    "L'ingénierie participative, les logiques de concertation et les autres voies "
                    "pour « faire de la démocratie locale une réalité plus vivante »"
                ),
                kind="tribune",
                url="https://agence-cohesion-territoires.gouv.fr",
                audiences=["elus", "agents"],
                tags=["emploi", "concertation"],
                intro=True,
                summary=(
                    "Une tribune pour entrer dans la thématique : comment les grands projets de "
                    "concertation et de participation citoyenne peuvent devenir de nouveaux "
                    "leviers d'emplois dans les territoires, par la voie de l'implication des "
                    "habitants."
                ),
            ),
            dict(
                slug="etre-benevole-ou-volontaire-un-tremplin-vers-l-emploi",
                title="Être bénévole ou volontaire : un tremplin vers l'emploi ?",
                kind="article",
                url="https://agence-cohesion-territoires.gouv.fr",
                audiences=["associations", "habitants"],
                tags=["emploi", "bénévolat", "jeunesse"],
                summary=(
                    "La place que peuvent occuper le bénévolat et le volontariat pour relier les "
                    "personnes, et notamment les jeunes, au marché de l'emploi."
                ),
            ),
            dict(
                slug="indice-de-qualite-democratique",
                title="L'Indice de Qualité Démocratique",
                kind="outil",
                url="https://www.democratieouverte.org",
                audiences=["elus", "agents"],
                tags=["évaluation", "qualité de la participation"],
                summary=(
                    "Un outil développé par Démocratie Ouverte pour apprécier la qualité "
                    "démocratique d'une démarche participative et suivre ses progrès dans le "
                    "temps."
                ),
            ),
            dict(
                slug="evaluation-de-la-participation-icpc",
                title="L'évaluation de la participation",
                kind="fiche-methode",
                publisher="ICPC",
                url="https://i-cpc.org",
                audiences=["agents"],
                tags=["évaluation"],
                summary=(
                    "Les repères de l'Institut de la concertation et de la participation citoyenne "
                    "pour évaluer une démarche : ses objectifs, son déroulement et ses effets."
                ),
            ),
        ],
    ),
]


def load_resources() -> None:
    themes = {theme.slug: theme for theme in ThemePage.objects.all()}
    Audience.objects.ensure_defaults()
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    for newsletter in NEWSLETTERS:
        theme = themes[newsletter["theme"]]
        for spec in newsletter["resources"]:
            spec = dict(spec)
            intro = spec.pop("intro", False)
            resource = Resource.objects.filter(slug=spec["slug"]).first()
            if resource is None:
                publisher = spec.pop("publisher", None)
                resource = resource_create(
                    publisher=Partner.objects.filter(name=publisher).first() if publisher else None,
                    themes=[theme],
                    audiences=[audiences[slug] for slug in spec.pop("audiences")],
                    published_on=newsletter["published_on"],
                    licence="Tous droits réservés à l'éditeur",
                    **spec,
                )
            if intro and theme.intro_resource_id is None:
                theme.intro_resource = resource
                theme.save_revision().publish()


def load(*, home) -> None:
    ensure_page(
        home,
        ResourceIndexPage,
        slug="ressources",
        title="Ressources",
        show_in_menus=True,
        search_description="Guides, outils, jeux, MOOC, conférences, enquêtes et tribunes.",
        intro=(
            "<p>Guides, outils, fiches méthode, jeux, MOOC, conférences, enquêtes et tribunes pour "
            "(re)découvrir les fondamentaux de la participation citoyenne et des coopérations, "
            "choisis avec les partenaires de Territoires en Commun.</p>"
        ),
    )
    load_resources()
