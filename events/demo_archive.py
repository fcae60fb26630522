"""Demo events of the archive: those announced in the two real newsletters
(dates, places and organisers as given there)."""

import datetime

from core.demo_tools import paragraphs

from .dates import paris_datetime
from .models import EventFormat

DEMARCHE = "mettre-en-place-une-demarche-participative"
EMPLOI = "retour-a-l-emploi"


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return paris_datetime(day, datetime.time(hour, minute))


def days(first: datetime.date, last: datetime.date | None = None) -> dict:
    """An all-day event, on one day or from ``first`` to ``last``."""
    return {"all_day": True, "start": at(first, 0), "end": at(last or first, 0)}


def place(city: str, departement: str, *, venue: str = "", address: str = "") -> dict:
    """Where an in-person event takes place."""
    return {"city": city, "departement": departement, "venue": venue, "address": address}


def d(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, day)


# From the newsletters of December 2021 and September 2022.
NEWSLETTER_EVENTS = [
    dict(
        slug="rencontres-do-edition-territoires",
        title="Les Rencontres DO — Édition territoires",
        summary=(
            "Les Rencontres du Réseau des Territoires d'innovation démocratique de Démocratie "
            "Ouverte : deux jours d'échanges et d'inspirations autour du réenchantement de la "
            "démocratie."
        ),
        body=paragraphs(
            "Deux jours d'échanges et d'inspirations autour du réenchantement de la démocratie, "
            "et l'occasion d'un temps de présentation de la plateforme Territoires en Commun, de "
            "l'offre de service projet partagé et de Territoires d'Engagement.",
        ),
        **days(d(2021, 12, 1), d(2021, 12, 2)),
        organiser_name="Démocratie Ouverte",
        tags=["innovation démocratique"],
    ),
    dict(
        slug="remise-des-trophees-de-la-participation-2021",
        title="La remise des Trophées de la Participation",
        summary="La 6e cérémonie de remise des Trophées de la Participation et ses lauréats 2021.",
        body=paragraphs(
            "Le jury apprécie chaque projet selon la clarté de ses objectifs, la qualité de la "
            "conception de la démarche, l'inclusion des publics ciblés, son impact démocratique, "
            "ses moyens, son caractère innovant et sa réplicabilité.",
        ),
        **days(d(2021, 12, 7)),
        themes=[EMPLOI],
        tags=["trophées", "évaluation"],
    ),
    dict(
        slug="reseau-des-territoires-quels-rdv-en-2022",
        title="Réseau des Territoires : quels RDV de l'innovation démocratique en 2022 ?",
        summary=(
            "Le dernier webinaire du Réseau des Territoires de l'année 2021 ouvre la porte à "
            "l'année 2022 et aux attentes des collectivités du Réseau."
        ),
        **days(d(2022, 1, 11)),
        event_format=EventFormat.ONLINE,
        online_url="https://democratieouverte.example.org/webinaire-rdv-2022",
        organiser_name="Réseau des Territoires d'innovation démocratique (Démocratie Ouverte)",
        tags=["webinaire", "innovation démocratique"],
    ),
    dict(
        slug="prevenir-plutot-que-guerir-changement-climatique",
        title=(
            "Prévenir plutôt que guérir : comment aborder le changement climatique dans les "
            "territoires ?"
        ),
        summary="Une rencontre du Hub des Territoires sur l'adaptation au changement climatique.",
        **days(d(2022, 1, 16)),
        organiser_name="Hub des Territoires",
        tags=["transition écologique"],
    ),
    dict(
        slug="handicap-innovations-et-reseaux",
        title="Handicap : innovations et réseaux, l'union fait la force !",
        summary="Une rencontre de la Caisse des Dépôts et de la Handitech.",
        **days(d(2022, 1, 25)),
        organiser_name="La Caisse des Dépôts et la Handitech",
        themes=[EMPLOI],
        tags=["handicap"],
    ),
    dict(
        slug="comment-la-mobilite-solidaire-s-impose",
        title="Comment la mobilité solidaire s'impose ?",
        summary=(
            "L'évènement anniversaire du lancement de #TousMobiles par le Laboratoire de la "
            "Mobilité inclusive et ses partenaires."
        ),
        **days(d(2022, 1, 26)),
        organiser_name="Laboratoire de la Mobilité inclusive et ses partenaires",
        themes=[EMPLOI],
        tags=["mobilité inclusive"],
    ),
    dict(
        slug="festival-faire-autrement",
        title="Festival « Faire autrement — Sur les chemins de l'utopie »",
        summary="Quatre jours de festival à Guise, sur les chemins de l'utopie.",
        **days(d(2022, 9, 22), d(2022, 9, 25)),
        **place("Guise", "02"),
    ),
    dict(
        slug="democracy-happy-hour-la-malette-des-barmans",
        title="Democracy Happy Hour : La Malette des Barmans",
        summary=(
            "À l'occasion de l'inauguration de Ma Mezza, venez tester en avant-première la "
            "Malette des Barmans, le kit d'animation des Democracy Happy Hours."
        ),
        body=paragraphs(
            "Démocratie Ouverte et la Maison des Métallos vous invitent à venir tester en "
            "avant-première l'outil qui vous permettra enfin de débattre sans se disputer (ou "
            "presque) : la Malette des Barmans, le kit d'animation des Democracy Happy Hours.",
        ),
        start=at(d(2022, 9, 23), 18),
        end=at(d(2022, 9, 23), 20),
        **place("Paris", "75", venue="Maison des Métallos"),
        organiser_name="Démocratie Ouverte et la Maison des Métallos",
        themes=[DEMARCHE],
        tags=["débat", "outil d'animation"],
    ),
    dict(
        slug="quels-pre-requis-pour-lancer-une-demarche-participative",
        title="Quels pré-requis pour lancer une démarche participative ?",
        summary=(
            "Le rendez-vous de rentrée du groupe ICPC de Loire-Atlantique : un afterwork "
            "d'interconnaissance et d'échange informel."
        ),
        body=paragraphs(
            "Cet afterwork sera l'occasion de temps d'interconnaissance et d'échange informel "
            "autour notamment des retours d'expériences des participants (et bien sûr d'un "
            "apéro !).",
            "Les réflexions porteront autour de la question de l'opportunité et de la définition "
            "du besoin, des conditions à réunir, de la compréhension des « règles du jeu »…",
        ),
        start=at(d(2022, 9, 27), 18, 30),
        end=at(d(2022, 9, 27), 20, 30),
        **place("Nantes", "44"),
        organiser="ICPC",
        themes=[DEMARCHE],
        tags=["afterwork"],
    ),
    dict(
        slug="acteurs-du-numerique-d-interet-general-a-lens",
        title="Les acteurs du numérique d'intérêt général ont rendez-vous à Lens",
        summary=(
            "Un rendez-vous des acteurs qui travaillent à une société numérique plus inclusive, "
            "éthique, collaborative et durable."
        ),
        **days(d(2022, 9, 28), d(2022, 9, 29)),
        **place("Lens", "62"),
        organiser="ANCT",
        tags=["numérique"],
    ),
    dict(
        slug="reunion-europeenne-open-government-partnership",
        title="Réunion européenne Open Government Partnership (OGP)",
        summary="La réunion européenne du Partenariat pour un gouvernement ouvert, à Rome.",
        **days(d(2022, 10, 11), d(2022, 10, 12)),
        venue="Palazzo Chigi",
        address="Piazza Colonna 370",
        postal_code="00187",
        city="Rome",
        country="IT",
        organiser_name="Open Government Partnership",
        tags=["gouvernement ouvert"],
    ),
    dict(
        slug="rencontres-europeennes-de-la-participation-rennes",
        title="Les Rencontres européennes de la Participation, à Rennes",
        summary=(
            "Le rendez-vous annuel des acteurs de la participation en France et en Europe revient "
            "pour une 6e édition : trois jours à Rennes pour échanger, confronter et partager nos "
            "pratiques."
        ),
        **days(d(2022, 10, 24), d(2022, 10, 26)),
        **place("Rennes", "35"),
        themes=[DEMARCHE],
        tags=["rencontres"],
    ),
    dict(
        slug="rencontres-europeennes-de-la-participation-en-ligne",
        title="Les Rencontres européennes de la Participation, en numérique",
        summary=(
            "Les deux journées en ligne de la 6e édition des Rencontres européennes de la "
            "Participation."
        ),
        **days(d(2022, 11, 2), d(2022, 11, 3)),
        event_format=EventFormat.ONLINE,
        online_url="https://rencontres-participation.example.org/en-ligne",
        themes=[DEMARCHE],
        tags=["rencontres"],
    ),
    dict(
        slug="conference-annuelle-de-l-oidp",
        title="La conférence annuelle de l'OIDP",
        summary="La conférence annuelle de l'Observatoire international de la démocratie "
        "participative.",
        **days(d(2022, 12, 7), d(2022, 12, 10)),
        organiser_name="Observatoire international de la démocratie participative (OIDP)",
        tags=["démocratie participative"],
    ),
]
