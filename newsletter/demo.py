"""Demo content of the newsletter, from the real newsletters: the /newsletter/ page,
its archive, the issues of December 2021 and September 2022 as they were sent, and
a few subscribers (at example.org, a domain that receives no mail)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from core.demo_tools import ensure_page
from events.models import EventPage
from resources.models import Resource
from themes.demo import NEXT_THEME_SLUG
from themes.models import ProjectPage, ThemePage
from votes.demo import OPEN_CAMPAIGN_SLUG
from votes.models import Campaign

from .demo_illustrations import illustrate_events
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

EDITORIAL_EMAIL = "editorialisation@territoires-en-commun.fr"


def news(title, text, when, *, event="", project="", url="", link_label="En savoir plus"):
    """One partner news item, linked to its page on the site when it has one."""
    return {
        "title": title,
        "text": text,
        "when": when,
        "event": event,
        "project": project,
        "url": url,
        "link_label": link_label,
    }


NEWS_DECEMBER_2021 = [
    news(
        "Des nouvelles du projet partagé",
        "Le droit des adolescents et des jeunes à une vie épanouie ? Découvrez le projet "
        "partagé de l'ANCT avec Tarascon-sur-Ariège, Paris 20e, L'Île-Saint-Denis et Rezé, qui "
        "conçoivent leur politique locale avec et par les adolescents et les jeunes adultes.",
        "",
        project="droit-des-adolescents-et-des-jeunes",
        link_label="Retrouvez les détails du projet",
    ),
    news(
        "La remise des Trophées de la participation",
        "Le 7 décembre s'est tenue la 6e cérémonie de remise des Trophées de la "
        "participation et de la concertation. Découvrez les lauréats 2021.",
        "7 décembre 2021",
        event="remise-des-trophees-de-la-participation-2021",
        link_label="Découvrir les lauréats",
    ),
    news(
        "Les Rencontres DO — édition territoires",
        "Deux jours d'échanges et d'inspirations autour du réenchantement de la démocratie, "
        "avec une présentation de la plateforme Territoires en Commun, de l'offre de service "
        "projet partagé et de Territoires d'Engagement.",
        "1er et 2 décembre 2021",
        event="rencontres-do-edition-territoires",
        link_label="Les projets partagés",
    ),
]

NEWS_SEPTEMBER_2022 = [
    news(
        "Quels prérequis pour lancer une démarche participative ?",
        "Le rendez-vous de rentrée du groupe ICPC de Loire-Atlantique : un afterwork "
        "pour échanger sur l'opportunité et la définition du besoin, les conditions à réunir et "
        "les « règles du jeu » d'une démarche participative.",
        "Mardi 27 septembre 2022, de 18 h 30 à 20 h 30, Nantes",
        event="quels-pre-requis-pour-lancer-une-demarche-participative",
    ),
    news(
        "Democracy Happy Hour : la Malette des Barmans",
        "À l'occasion de l'inauguration de Ma Mezza, Démocratie Ouverte et la Maison des "
        "Métallos vous invitent à tester en avant-première la Malette des Barmans, le kit "
        "d'animation des Democracy Happy Hours, pour débattre sans se disputer (ou presque).",
        "Vendredi 23 septembre 2022, de 18 h à 20 h, Paris",
        event="democracy-happy-hour-la-malette-des-barmans",
    ),
    news(
        "Les Rencontres européennes de la participation",
        "Le rendez-vous annuel des acteurs de la participation en France et en Europe "
        "revient pour une 6e édition : une semaine pour échanger et partager nos pratiques.",
        "Du 24 au 26 octobre 2022 à Rennes, les 2 et 3 novembre 2022 en numérique",
        event="rencontres-europeennes-de-la-participation-rennes",
    ),
    news(
        "Les acteurs du numérique d'intérêt général ont rendez-vous à Lens",
        "Organisé par l'ANCT, ce rendez-vous réunit des acteurs qui partagent un intérêt "
        "commun : travailler à une société numérique plus inclusive, éthique, collaborative et "
        "durable.",
        "Les 28 et 29 septembre 2022, à Lens",
        event="acteurs-du-numerique-d-interet-general-a-lens",
    ),
]

SHARE_EVENTS_TEXT = (
    "Envoyez vos actualités à Territoires en Commun à cette adresse : "
    f"{EDITORIAL_EMAIL}, ou proposez vos événements ici : ils rejoindront l'agenda des "
    "partenaires."
)

# Each issue section by section, in the order the real newsletter had them; the
# assembled draft gives each section its defaults, the spec says what differs.
ISSUES = [
    {
        "month": datetime.date(2021, 12, 1),
        "sent": datetime.datetime(2021, 12, 16, 9, 0, tzinfo=datetime.UTC),
        "vote": "priorites-d-action-2021",
        "edito": EDITO_DECEMBER_2021,
        "projects": [
            "greve-du-chomage",
            "wake-up-cafe",
            "collectif-reperages",
            "handipacte-ile-de-france",
        ],
        "further": (
            "Pour aller plus loin sur la mobilité inclusive",
            "etre-benevole-ou-volontaire-un-tremplin-vers-l-emploi",
        ),
        "contribute": None,
        "news": ("Actualités de l'écosystème de Territoires en Commun", NEWS_DECEMBER_2021),
        "agenda": [
            "reseau-des-territoires-quels-rdv-en-2022",
            "handicap-innovations-et-reseaux",
            "comment-la-mobilite-solidaire-s-impose",
            "prevenir-plutot-que-guerir-changement-climatique",
        ],
    },
    {
        "month": datetime.date(2022, 9, 1),
        "sent": datetime.datetime(2022, 9, 15, 8, 0, tzinfo=datetime.UTC),
        # The seed calls to vote for the next projet partagé: the demo's open campaign.
        "vote": OPEN_CAMPAIGN_SLUG,
        "vote_title": "Votez pour les thématiques des projets partagés proposés par l'ANCT",
        "edito": "",
        "projects": [
            "un-jeu-pour-convaincre-les-non-convaincus",
            "mettre-en-place-une-demarche-participative-dans-sa-collectivite",
            "la-boite-a-outils-des-conseils-de-quartier",
        ],
        "further": None,
        "contribute": NEXT_THEME_SLUG,
        "news": ("Actualités des partenaires de Territoires en Commun", NEWS_SEPTEMBER_2022),
        "agenda": [
            "festival-faire-autrement",
            "reunion-europeenne-open-government-partnership",
            "conference-annuelle-de-l-oidp",
        ],
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
    issue.body = issue_sections(spec, list(issue.body.raw_data))
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


def issue_sections(spec: dict, assembled: list[dict]) -> list[dict]:
    """The sections of the real issue, in its order, from the assembled draft's."""
    drafted = {}
    for block in assembled:
        drafted.setdefault(block["type"], []).append(block)
    contribute, share_events = drafted["call"]
    body = [_edito(spec["edito"])] if spec["edito"] else []
    body += drafted["theme"] + drafted.get("intro_resource", [])
    body.append(_with(drafted["projects"][0], projects=_pages(ProjectPage, spec["projects"])))
    if spec["further"]:
        body.append(_further(*spec["further"]))
    if spec["contribute"]:
        body.append(_contribute(contribute, spec["contribute"]))
    body += [
        _with(block, title=spec["vote_title"]) if spec.get("vote_title") else block
        for block in drafted.get("vote", [])
    ]
    body += drafted.get("concept", [])
    title, items = spec["news"]
    body.append({"type": "news", "value": {"title": title, "items": _news(items)}})
    body.append(_with(drafted["agenda"][0], events=_pages(EventPage, spec["agenda"])))
    body.append(
        _with(
            share_events,
            text=SHARE_EVENTS_TEXT,
            link=reverse("contribution-form", kwargs={"kind": "evenement"}),
        )
    )
    return body


def _with(block: dict, **values) -> dict:
    return {"type": block["type"], "value": {**block["value"], **values}}


def _pages(model, slugs: list[str]) -> list[int]:
    pages = dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    return [pages[slug] for slug in slugs if slug in pages]


def _edito(text: str) -> dict:
    return {
        "type": "edito",
        "value": {"title": "Édito", "text": text, "signature": "L'équipe de Territoires en Commun"},
    }


def _further(title: str, resource_slug: str) -> dict:
    resource = Resource.objects.get(slug=resource_slug)
    return {
        "type": "text",
        "value": {
            "title": title,
            "text": f'<p><a href="{resource.get_absolute_url()}">{resource.title}</a></p>'
            f"<p>{resource.summary}</p>",
        },
    }


def _contribute(block: dict, theme_slug: str) -> dict:
    """« … contribuer à la prochaine thématique « Le passage à l'action » », with the
    resource proposal form opened on that theme."""
    theme = ThemePage.objects.get(slug=theme_slug)
    return _with(
        block,
        title="Je suis une collectivité et je souhaite contribuer à la prochaine thématique "
        f"« {theme.title} »",
        text="Envoyez vos ressources à Territoires en Commun à cette adresse : "
        f"{EDITORIAL_EMAIL}, ou proposez-les ici : l'équipe éditoriale les publie dans la "
        "bibliothèque.",
        link=reverse("contribution-form", kwargs={"kind": "ressource"})
        + f"?thematique={theme.slug}",
        link_label=f"Proposer une ressource pour « {theme.title} »",
    )


def _news(items: list[dict]) -> list[dict]:
    """The news items, each linked to its event or project page when the demo has it."""
    linked = []
    for item in items:
        item = dict(item)
        event, project = item.pop("event"), item.pop("project")
        page = (
            EventPage.objects.filter(slug=event).first()
            if event
            else ProjectPage.objects.filter(slug=project).first()
            if project
            else None
        )
        linked.append({**item, "page": page.pk if page else None})
    return linked


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
    illustrate_events()
    for spec in ISSUES:
        load_issue(spec)
    load_subscribers()
