"""Demo projects of the themes app: the projets démocratiques and expériences
territoriales of the two real newsletters, each under the theme that presented it
and first published on the first day of that theme's month (facts copied, prose
written for the site)."""

import datetime

from core.demo_tools import paragraphs

DEMARCHE = "mettre-en-place-une-demarche-participative"

PROJECTS = [
    # September 2022: « Projets démocratiques et expériences territoriales pour vous inspirer ».
    dict(
        slug="un-jeu-pour-convaincre-les-non-convaincus",
        title="Un jeu pour convaincre les non-convaincus de la participation citoyenne",
        territory="Agence nationale de la cohésion des territoires",
        themes=[DEMARCHE],
        tags=["animation", "anti-problème"],
        external_url="https://agence-cohesion-territoires.gouv.fr",
        external_label="En savoir plus",
        intro=(
            "En s'inspirant de la technique de l'anti-problème, ce jeu explore les arguments "
            "des non-convaincus de la participation citoyenne pour imaginer des réponses et "
            "des leviers d'action possibles."
        ),
        body=paragraphs(
            "Face à une problématique complexe, retourner la question de départ aide à trouver "
            "des idées neuves : plutôt que « comment convaincre ? », les joueurs se demandent "
            "« comment être sûrs de ne convaincre personne ? », puis renversent leurs réponses.",
        ),
    ),
    dict(
        slug="mettre-en-place-une-demarche-participative-dans-sa-collectivite",
        title="Comment mettre en place une démarche participative dans sa collectivité ?",
        territory="Paris et Plessé (Loire-Atlantique)",
        themes=[DEMARCHE],
        tags=["webinaire", "témoignages d'élues"],
        external_url="https://elueslocales.fr",
        external_label="En savoir plus",
        intro=(
            "Dans ce webinaire de l'association Élu·es Locales, Anouch Toranian, adjointe à la "
            "maire de Paris chargée de la participation citoyenne, et Aurélie Mézière, maire "
            "de Plessé, témoignent des actions qu'elles mènent dans leurs communes."
        ),
        body=paragraphs(
            "Les deux élues présentent les outils et les ressources qu'elles ont utilisés pour "
            "développer la participation citoyenne, dans une grande ville comme dans une "
            "commune rurale.",
        ),
    ),
    dict(
        slug="la-boite-a-outils-des-conseils-de-quartier",
        title="La boîte à outils des Conseils de Quartier",
        territory="Ville de Paris",
        themes=[DEMARCHE],
        tags=["intelligence collective", "conseils de quartier", "fiches méthode"],
        external_url="https://www.paris.fr",
        external_label="En savoir plus",
        intro=(
            "Vingt fiches outils et fiches méthodes, pour la plupart testées sur le terrain "
            "dans trois Conseils de Quartier pilotes de la Ville de Paris."
        ),
        body=paragraphs(
            "La boîte à outils propose à chacun de s'emparer de solutions innovantes pour "
            "animer des ateliers d'intelligence collective dans une démarche participative.",
        ),
    ),
    # December 2021.
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
        # Of no theme: presented by the December 2021 issue's « nouvelles du projet partagé ».
        presented=datetime.date(2021, 12, 1),
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
