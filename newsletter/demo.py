"""Demo content of the newsletter, from the real newsletters: the /newsletter/ page,
its archive, the issues of December 2021 and September 2022 as they were sent, and
a few subscribers (at example.org, a domain that receives no mail)."""

import datetime

from django.utils import timezone

from core.demo_tools import ensure_page
from votes.models import Campaign

from .models import (
    ConsentAction,
    ConsentRecord,
    Dispatch,
    DispatchStatus,
    NewsletterArchivePage,
    NewsletterIssuePage,
    NewsletterPage,
    Subscriber,
    SubscriberStatus,
)
from .services import issue_assemble
from .snapshot import campaign_snapshot

EDITO_DECEMBER_2021 = (
    "<p>Une nouvelle thématique d'inspiration s'est ajoutée à la plateforme en cette fin "
    "d'année 2021 : la petite enfance. L'accueil des enfants et l'accompagnement des parents "
    "en proximité répondent à une préoccupation partagée par les collectivités de toutes "
    "tailles.</p>"
    "<p>Toute l'équipe de Territoires en Commun vous souhaite d'excellentes fêtes de fin "
    "d'année et vous retrouve l'année prochaine pour la suite des projets partagés, de "
    "nouveaux échanges d'expériences et d'autres temps forts.</p>"
    "<p>Prenez soin de vous !</p>"
)

NEWS_DECEMBER_2021 = [
    {
        "title": "Des nouvelles du projet partagé",
        "text": "Le droit des adolescents et des jeunes à une vie épanouie : découvrez le projet "
        "partagé de l'ANCT avec Tarascon-sur-Ariège, Paris 20e, L'Île-Saint-Denis et Rezé, qui "
        "conçoivent leur politique locale avec et par les adolescents et les jeunes adultes.",
        "when": "",
        "page": None,
        "url": "https://agence-cohesion-territoires.gouv.fr",
        "link_label": "Retrouvez les détails du projet",
    },
    {
        "title": "La remise des Trophées de la participation",
        "text": "Le 7 décembre s'est tenue la 6e cérémonie de remise des Trophées de la "
        "participation et de la concertation.",
        "when": "7 décembre 2021",
        "page": None,
        "url": "https://www.deciderensemble.com",
        "link_label": "Découvrir les lauréats",
    },
    {
        "title": "Les Rencontres DO — édition territoires",
        "text": "Deux jours d'échanges autour du réenchantement de la démocratie, avec une "
        "présentation de la plateforme Territoires en Commun et de l'offre de service projet "
        "partagé.",
        "when": "1er et 2 décembre 2021",
        "page": None,
        "url": "https://www.democratieouverte.org",
        "link_label": "En savoir plus",
    },
]

NEWS_SEPTEMBER_2022 = [
    {
        "title": "Quels prérequis pour lancer une démarche participative ?",
        "text": "Le rendez-vous de rentrée du groupe ICPC de Loire-Atlantique : un afterwork "
        "pour échanger sur l'opportunité et la définition du besoin, les conditions à réunir et "
        "les « règles du jeu » d'une démarche participative.",
        "when": "Mardi 27 septembre 2022, de 18 h 30 à 20 h 30, Nantes",
        "page": None,
        "url": "https://i-cpc.org",
        "link_label": "En savoir plus",
    },
    {
        "title": "Les Rencontres européennes de la participation",
        "text": "Le rendez-vous annuel des acteurs de la participation en France et en Europe "
        "revient pour une 6e édition : une semaine pour échanger et partager nos pratiques.",
        "when": "Du 24 au 26 octobre 2022 à Rennes, les 2 et 3 novembre en ligne",
        "page": None,
        "url": "https://www.rencontres-participation.fr",
        "link_label": "En savoir plus",
    },
]

ISSUES = [
    {
        "month": datetime.date(2021, 12, 1),
        "sent": datetime.datetime(2021, 12, 16, 9, 0, tzinfo=datetime.UTC),
        "vote": "priorites-d-action-2021",
        "edito": EDITO_DECEMBER_2021,
        "news": ("Actualités de l'écosystème de Territoires en Commun", NEWS_DECEMBER_2021),
    },
    {
        "month": datetime.date(2022, 9, 1),
        "sent": datetime.datetime(2022, 9, 15, 8, 0, tzinfo=datetime.UTC),
        "vote": None,
        "edito": "",
        "news": ("Actualités des partenaires de Territoires en Commun", NEWS_SEPTEMBER_2022),
    },
]

# Address, name, organisation, profile, state, why the address is refused.
SUBSCRIBERS = [
    ("camille.martin@example.org", "Camille Martin", "Ville de Rezé", "collectivite", "active", ""),
    (
        "dominique.bernard@example.org",
        "Dominique Bernard",
        "Association Pays de Brest",
        "association",
        "active",
        "",
    ),
    ("ancienne.adresse@example.org", "", "", "citoyen", "bounced", "550 5.1.1 Adresse inconnue"),
]


def load_issue(spec: dict) -> None:
    if NewsletterIssuePage.objects.filter(month=spec["month"]).exists():
        return
    issue = issue_assemble(month=spec["month"]).issue
    body = list(issue.body.raw_data)
    if spec["edito"]:
        body.insert(
            0,
            {
                "type": "edito",
                "value": {
                    "title": "Édito",
                    "text": spec["edito"],
                    "signature": "L'équipe de Territoires en Commun",
                },
            },
        )
    # The partners' news of the real issue rather than the events the assembler found.
    title, items = spec["news"]
    news = {"type": "news", "value": {"title": title, "items": items}}
    kinds = [block["type"] for block in body]
    if "news" in kinds:
        body[kinds.index("news")] = news
    else:
        body.insert(kinds.index("agenda") if "agenda" in kinds else len(body), news)
    issue.body = body
    issue.save_revision().publish()
    Dispatch.objects.create(
        issue=issue,
        status=DispatchStatus.SENT,
        scheduled_at=spec["sent"],
        started_at=spec["sent"],
        finished_at=spec["sent"],
        subject=issue.title,
        snapshot={"vote": _vote_of(spec["vote"])},
    )


def _vote_of(slug: str | None) -> dict | None:
    """The tallies the issue showed: those of the campaign open at the time."""
    campaign = Campaign.objects.filter(slug=slug).first() if slug else None
    return campaign_snapshot(campaign) if campaign is not None else None


def load_subscribers() -> None:
    now = timezone.now()
    for email, name, organisation, kind, status, bounce_reason in SUBSCRIBERS:
        subscriber, created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "name": name,
                "organisation": organisation,
                "kind": kind,
                "status": SubscriberStatus(status),
                "bounce_reason": bounce_reason,
                "confirmed_at": now,
            },
        )
        if created:
            ConsentRecord.objects.create(
                subscriber=subscriber,
                action=ConsentAction.SIGNUP,
                source="démonstration",
                wording="Abonné de démonstration.",
            )
        if created and subscriber.status == SubscriberStatus.BOUNCED:
            Subscriber.objects.filter(pk=subscriber.pk).update(bounced_at=now)


def load(*, home) -> None:
    newsletter, _ = ensure_page(
        home,
        NewsletterPage,
        slug="newsletter",
        title="Newsletter",
        show_in_menus=True,
        search_description="La lettre mensuelle de Territoires en Commun.",
        call_to_action=(
            "Chaque mois, une thématique d'inspiration, des projets pour vous inspirer, le "
            "concept du mois et l'agenda des partenaires, dans votre boîte aux lettres."
        ),
        intro=(
            "<p>Tous les mois, la newsletter de Territoires en Commun vous propose une "
            "thématique d'inspiration autour des enjeux, des expériences et des bonnes "
            "pratiques de l'engagement citoyen et des coopérations.</p>"
        ),
    )
    ensure_page(
        newsletter,
        NewsletterArchivePage,
        slug="archives",
        title="Archives de la newsletter",
        search_description="Toutes les lettres de Territoires en Commun.",
        intro="<p>Toutes les lettres envoyées depuis le lancement de la newsletter.</p>",
    )
    for spec in ISSUES:
        load_issue(spec)
    load_subscribers()
