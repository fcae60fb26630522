"""Generated volume for load tests and benchmarks: thousands of plausible resources.

Import it once Django is set up; from a shell, ``python -m bench.create_random_content N``.

Titles and summaries are assembled from the vocabulary of participation and
public policy, with singular, plural and accented forms, so that French
stemming and accent folding are exercised as real content would exercise them.

Resources are written with ``bulk_create`` in chunks: their search columns are
filled in Python beforehand by ``resources.search.set_search_fields`` (reading
relations held in memory), and the tsvector of every new row is computed by one
SQL UPDATE. A run token in every slug keeps two runs from colliding. The same
``seed`` on the same database gives the same content.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from taggit.models import Tag

from core.demo_tools import paragraphs
from core.geography import DEPARTEMENTS
from core.models import Partner
from resources.models import Audience, Language, Resource, ResourceKind, TaggedResource
from resources.search import refresh_search_vector, set_search_fields
from themes.models import ProjectIndexPage, ProjectPage, ThemePage

CHUNK_SIZE = 2000
PROJECTS_PER_RESOURCES = 20
MAX_PROJECTS = 100
# A theme is a month's selection of a few resources: most of the library belongs to none.
THEMED_SHARE = 0.15
FIRST_DAY = datetime.date(2015, 1, 1)
LAST_DAY = datetime.date(2026, 12, 31)


@dataclass(frozen=True)
class Topic:
    tag: str
    phrases: tuple[str, ...]  # with their article, as they appear in a sentence


TOPICS = [
    Topic(
        "emploi",
        (
            "l'emploi",
            "le retour à l'emploi",
            "les emplois locaux",
            "l'insertion professionnelle",
            "les emplois d'avenir",
        ),
    ),
    Topic(
        "participation citoyenne",
        (
            "la participation citoyenne",
            "les démarches participatives",
            "une démarche participative",
            "la participation des habitants",
        ),
    ),
    Topic(
        "concertation",
        ("la concertation", "les concertations préalables", "la concertation publique"),
    ),
    Topic(
        "mobilité",
        ("la mobilité", "les mobilités douces", "les mobilités rurales", "le covoiturage"),
    ),
    Topic("petite enfance", ("la petite enfance", "les modes de garde", "les crèches")),
    Topic("budget participatif", ("le budget participatif", "les budgets participatifs")),
    Topic(
        "conseils citoyens",
        ("les conseils citoyens", "le conseil citoyen", "les conseils de quartier"),
    ),
    Topic(
        "évaluation",
        (
            "l'évaluation",
            "l'évaluation des politiques publiques",
            "les évaluations participatives",
        ),
    ),
    Topic(
        "coopération",
        (
            "la coopération territoriale",
            "les coopérations intercommunales",
            "la coopération entre communes",
        ),
    ),
    Topic("jeunesse", ("la jeunesse", "les jeunes", "le conseil municipal des jeunes")),
    Topic(
        "démocratie locale",
        (
            "la démocratie locale",
            "la démocratie délibérative",
            "les conventions citoyennes",
            "le tirage au sort",
        ),
    ),
    Topic(
        "transition écologique",
        ("la transition écologique", "la rénovation énergétique", "l'alimentation durable"),
    ),
    Topic(
        "numérique",
        (
            "l'inclusion numérique",
            "les outils numériques",
            "les plateformes de participation",
        ),
    ),
    Topic(
        "ruralité",
        (
            "les territoires ruraux",
            "la revitalisation des centres-bourgs",
            "les tiers-lieux",
        ),
    ),
    Topic("bénévolat", ("le bénévolat", "l'engagement associatif", "les associations locales")),
    Topic("santé", ("la santé publique", "l'accès aux soins", "les contrats locaux de santé")),
    Topic("logement", ("le logement", "l'habitat participatif", "les quartiers prioritaires")),
    Topic("élus", ("les élus locaux", "le rôle des élus", "les élues et les élus")),
]

EXTRA_TAGS = [
    "retours d'expérience",
    "intelligence collective",
    "animation",
    "webinaire",
    "méthode",
    "enquête",
    "quartiers",
]

VERBS = [
    "comprendre",
    "évaluer",
    "animer",
    "financer",
    "mettre en œuvre",
    "réussir",
    "repenser",
    "accompagner",
    "outiller",
    "développer",
]

PLACES = [
    "Rezé",
    "Grenoble",
    "Saillans",
    "Kingersheim",
    "Plessé",
    "Tarascon-sur-Ariège",
    "Loos-en-Gohelle",
    "Montreuil",
    "Nantes",
    "Lille",
    "Besançon",
    "Poitiers",
    "Brest",
    "Mulhouse",
    "Villeurbanne",
    "Aurillac",
    "Figeac",
    "Guéret",
    "Cayenne",
    "Fort-de-France",
    "L'Île-Saint-Denis",
    "Paris 20e",
]

AUDIENCE_PHRASES = {
    "elus": "aux élus",
    "agents": "aux agents des collectivités",
    "associations": "aux associations",
    "habitants": "aux habitants",
}

TITLES = [
    "{Verb} {t}",
    "{T} : {n} retours d'expérience",
    "{T} et {t2} : guide pratique pour les collectivités",
    "{T} à {place}",
    "{T}, mode d'emploi",
    "Dix questions sur {t}",
    "Quelle place pour {t} dans {t2} ?",
    "{T} en milieu rural",
    "Associer les habitants {à t}",
    "Panorama {de t} en France",
    "Les enjeux {de t} pour les élus",
    "{Verb} {t} avec les habitants",
]

SENTENCES = [
    "Cette ressource propose des repères pour {verb} {t} à l'échelle d'une commune ou "
    "d'une intercommunalité.",
    "Elle s'appuie sur {n} retours d'expérience, de {place} à {place2}, et sur les travaux "
    "de plusieurs réseaux d'acteurs.",
    "Destinée {audience}, elle rassemble méthodes, outils et points de vigilance sur {t2}.",
    "Les élus et les agents y trouveront des exemples concrets {de t} et des conseils pour "
    "associer les habitants.",
    "Une synthèse des résultats, des recommandations et une bibliographie complètent l'ensemble.",
    "Comment {verb} {t} quand les moyens manquent ? Les auteurs proposent des pistes "
    "d'action et des indicateurs d'évaluation.",
    "À {place}, la concertation autour {de t} a réuni habitants, associations et services "
    "municipaux pendant plusieurs mois.",
    "Le document revient sur les conditions de réussite {de t2} et sur les erreurs à éviter.",
]

LICENCES = [
    "Tous droits réservés à l'éditeur",
    "Licence Ouverte 2.0",
    "CC BY 4.0",
    "CC BY-SA 4.0",
    "",
]
OTHER_LANGUAGES = [code for code in Language.values if code != Language.FRENCH]


@dataclass(frozen=True)
class RandomContent:
    """What one run created; ``token`` is in every slug it wrote."""

    token: str
    resource_ids: list[int]
    project_ids: list[int]


def _contract(preposition: str, phrase: str) -> str:
    """« de » + « le budget » → « du budget », « à » + « les jeunes » → « aux jeunes »."""
    contractions = {"de": {"le": "du", "les": "des"}, "à": {"le": "au", "les": "aux"}}
    article, _space, rest = phrase.partition(" ")
    merged = contractions[preposition].get(article)
    return f"{merged} {rest}" if merged else f"{preposition} {phrase}"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    """Draws words from one seeded generator; the order of draws makes a run reproducible."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def words(self) -> dict:
        rng = self.rng
        topic, other = rng.sample(TOPICS, 2)
        t, t2 = rng.choice(topic.phrases), rng.choice(other.phrases)
        place, place2 = rng.sample(PLACES, 2)
        verb = rng.choice(VERBS)
        return {
            "topics": (topic, other),
            "t": t,
            "t2": t2,
            "T": _capitalise(t),
            "à t": _contract("à", t),
            "de t": _contract("de", t),
            "de t2": _contract("de", t2),
            "verb": verb,
            "Verb": _capitalise(verb),
            "n": rng.randint(3, 40),
            "place": place,
            "place2": place2,
            "audience": AUDIENCE_PHRASES[rng.choice(list(AUDIENCE_PHRASES))],
        }

    def title_and_summary(self) -> tuple[str, str, dict]:
        words = self.words()
        title = self.rng.choice(TITLES).format_map(words)
        sentences = self.rng.sample(SENTENCES, self.rng.randint(2, 4))
        summary = " ".join(sentence.format_map(words) for sentence in sentences)
        return title, summary, words

    def some(self, items: list, *, at_most: int, at_least: int = 0) -> list:
        if not items:
            return []
        return self.rng.sample(items, self.rng.randint(at_least, min(at_most, len(items))))

    def day(self) -> datetime.date:
        span = (LAST_DAY - FIRST_DAY).days
        return FIRST_DAY + datetime.timedelta(days=self.rng.randint(0, span))


@dataclass(frozen=True)
class _References:
    partners: list[Partner]
    themes: list[ThemePage]
    audiences: list[Audience]
    tags: dict[str, Tag]


def _references() -> _References:
    Audience.objects.ensure_defaults()
    names = [topic.tag for topic in TOPICS] + EXTRA_TAGS
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in names:
        if name not in existing:
            existing[name] = Tag.objects.create(name=name)
    return _References(
        partners=list(Partner.objects.order_by("pk")),
        themes=list(ThemePage.objects.live().order_by("pk")),
        audiences=list(Audience.objects.order_by("pk")),
        tags=existing,
    )


def _run_token() -> str:
    """Above every earlier run's token, since primary keys only grow while rows remain."""
    last = Resource.objects.aggregate(last=Max("pk"))["last"] or 0
    number, digits = last + 1, ""
    while number:
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
    return f"g{digits}"


def _published_at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)


def _new_resource(
    writer: _Writer, refs: _References, *, slug: str, title: str, summary: str, words: dict
) -> Resource:
    rng = writer.rng
    topic, other = words["topics"]
    tag_names = [topic.tag, *writer.some([other.tag, *EXTRA_TAGS], at_most=2)]
    day = writer.day()
    resource = Resource(
        title=title,
        slug=slug,
        kind=rng.choice(ResourceKind.values),
        summary=summary,
        url=f"https://ressources.example/{slug}",
        publisher=rng.choice(refs.partners) if refs.partners and rng.random() < 0.7 else None,
        language=Language.FRENCH if rng.random() < 0.9 else rng.choice(OTHER_LANGUAGES),
        published_on=day,
        licence=rng.choice(LICENCES),
        live=True,
        has_unpublished_changes=False,
        first_published_at=_published_at(day),
        last_published_at=_published_at(day),
        # Held in memory by modelcluster: set_search_fields reads them without a query.
        themes=writer.some(refs.themes, at_least=1, at_most=2)
        if rng.random() < THEMED_SHARE
        else [],
        audiences=writer.some(refs.audiences, at_least=1, at_most=3),
        tagged_items=[TaggedResource(tag=refs.tags[name]) for name in dict.fromkeys(tag_names)],
    )
    set_search_fields(resource)
    return resource


def _create_resources(writer: _Writer, refs: _References, *, count: int, token: str):
    themes_field = Resource._meta.get_field("themes")
    audiences_field = Resource._meta.get_field("audiences")
    ids = []
    for start in range(0, count, CHUNK_SIZE):
        batch = []
        for number in range(start, min(start + CHUNK_SIZE, count)):
            title, summary, words = writer.title_and_summary()
            slug = f"{slugify(title)[:200]}-{token}-{number}"
            batch.append(
                _new_resource(writer, refs, slug=slug, title=title, summary=summary, words=words)
            )
        Resource.objects.bulk_create(batch, batch_size=CHUNK_SIZE)
        _bulk_link(batch, themes_field, "themes")
        _bulk_link(batch, audiences_field, "audiences")
        TaggedResource.objects.bulk_create(
            [
                TaggedResource(content_object_id=resource.pk, tag_id=item.tag.pk)
                for resource in batch
                for item in resource.tagged_items.all()
            ],
            batch_size=CHUNK_SIZE,
        )
        ids.extend(resource.pk for resource in batch)
    if ids:
        # Rows of a concurrent writer inside the range only get the vector they would get.
        refresh_search_vector(Resource.objects.filter(pk__gte=min(ids), pk__lte=max(ids)))
    return ids


def _bulk_link(batch: list[Resource], field, name: str) -> None:
    through = field.remote_field.through
    own, other = field.m2m_column_name(), field.m2m_reverse_name()
    through.objects.bulk_create(
        [
            through(**{own: resource.pk, other: target.pk})
            for resource in batch
            for target in getattr(resource, name).all()
        ],
        batch_size=CHUNK_SIZE,
    )


def _create_projects(writer: _Writer, refs: _References, *, count: int, token: str) -> list[int]:
    """Project pages go through Wagtail's tree API (paths, site search index): a few hundred at most."""
    index = ProjectIndexPage.objects.first()
    if index is None or count <= 0:
        return []
    rng = writer.rng
    departements = list(DEPARTEMENTS)
    ids = []
    for number in range(count):
        words = writer.words()
        topic, other = words["topics"]
        title = f"{words['T']} à {words['place']}"
        day = writer.day()
        page = ProjectPage(
            title=title,
            slug=f"{slugify(title)[:150]}-{token}-{number}",
            intro=rng.choice(SENTENCES).format_map(words),
            body=paragraphs(*(s.format_map(words) for s in rng.sample(SENTENCES, 2))),
            territory=f"Ville de {words['place']}",
            departement=rng.choice(departements),
            themes=writer.some(refs.themes, at_most=2),
            external_url=f"https://projets.example/{token}-{number}",
            live=True,
            first_published_at=_published_at(day),
            last_published_at=_published_at(day),
        )
        page.tags.add(refs.tags[topic.tag], refs.tags[other.tag])
        index.add_child(instance=page)
        ids.append(page.pk)
    return ids


def random_content_create(
    *, resources: int, seed: int | None = None, projects: int | None = None
) -> RandomContent:
    """Create ``resources`` published resources and, under the project index if there is
    one, ``projects`` project pages (default: one per 20 resources, at most 100)."""
    if projects is None:
        projects = min(resources // PROJECTS_PER_RESOURCES, MAX_PROJECTS)
    writer = _Writer(random.Random(seed))
    with transaction.atomic():
        refs = _references()
        token = _run_token()
        resource_ids = _create_resources(writer, refs, count=resources, token=token)
        project_ids = _create_projects(writer, refs, count=projects, token=token)
    return RandomContent(token=token, resource_ids=resource_ids, project_ids=project_ids)
