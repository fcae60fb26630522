"""Reads of the contributions app: duplicates, suggestions, who moderates, thématiques."""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.urls import reverse

from core.fulltext import FTS_CONFIG, MAX_WORD_LENGTH, fallback_stem, normalise
from events.models import EventPage
from resources.models import Resource
from resources.search import uses_postgres
from themes.models import ProjectPage, ThemePage

from .keys import title_key, url_key, url_variants
from .models import Contribution, NeedRequest


def theme_list_published():
    """Published thématiques, the coming ones included, newest month first."""
    return ThemePage.objects.live().public().order_by("-month", "title")


def theme_get_published(*, slug: str) -> ThemePage | None:
    return ThemePage.objects.live().public().filter(slug=slug).first()


@dataclass(frozen=True)
class DuplicateMatch:
    reason: str  # « même lien » or « même titre »
    what: str  # « ressource publiée », « proposition TEC-2026-00012 »…
    title: str
    url: str  # where a moderator can look at it (site or admin)


def contribution_find_duplicates(*, contribution: Contribution) -> list[DuplicateMatch]:
    """Published items and other proposals with the same link or the same title."""
    key = title_key(contribution.title)
    links = [link for link in (contribution.url, contribution.registration_url) if link]
    variants = [variant for link in links for variant in url_variants(link)]
    return [
        *_resource_duplicates(key, variants),
        *_page_duplicates(key, variants),
        *_contribution_duplicates(contribution, key, links),
    ]


def _resource_duplicates(key: str, variants: list[str]) -> list[DuplicateMatch]:
    condition = Q(url__in=variants) if variants else Q(pk__in=[])
    words = key.split()
    if words:
        # search_title is the title lower-cased without accents: every word of the key
        # is in it; titles differing only by punctuation are then compared in Python.
        same_words = Q()
        for word in words[:8]:
            same_words &= Q(search_title__contains=word)
        condition |= same_words
    found = []
    candidates = Resource.objects.published().filter(condition).only("pk", "title", "slug", "url")
    for resource in candidates.order_by("pk")[:50]:
        same_link = resource.url in variants
        if same_link or title_key(resource.title) == key:
            found.append(
                DuplicateMatch(
                    "même lien" if same_link else "même titre",
                    "ressource publiée",
                    resource.title,
                    resource.get_absolute_url(),
                )
            )
    return found


def _page_duplicates(key: str, variants: list[str]) -> list[DuplicateMatch]:
    """Live projects and events with the same link, or whose title folds to the same words."""
    found = []
    for model, url_field, label in (
        (ProjectPage, "external_url", "projet publié"),
        (EventPage, "registration_url", "événement publié"),
    ):
        # Accent folding is not portable in SQL; titles are few enough to compare here.
        rows = model.objects.live().values_list("pk", "title", url_field)
        hits = {
            pk: "même lien" if link and link in variants else "même titre"
            for pk, title, link in rows
            if (link and link in variants) or (key and title_key(title) == key)
        }
        for page in model.objects.filter(pk__in=list(hits)[:10]).order_by("pk"):
            found.append(DuplicateMatch(hits[page.pk], label, page.title, page.url or ""))
    return found


def _contribution_duplicates(contribution, key: str, links: list[str]) -> list[DuplicateMatch]:
    condition = Q(title_key=key) if key else Q(pk__in=[])
    for link in links:
        condition |= Q(url_key=url_key(link))
    others = Contribution.objects.confirmed().exclude(pk=contribution.pk).filter(condition)
    return [
        DuplicateMatch(
            "même titre" if key and other.title_key == key else "même lien",
            f"proposition {other.reference} ({other.get_status_display().lower()})",
            other.title,
            reverse("contributions:inspect", args=[other.pk]),
        )
        for other in others.order_by("-created_at")[:10]
    ]


def contribution_get_pending_twin(*, kind: str, email: str, title: str) -> Contribution | None:
    """The same proposal sent again from the same address before it was confirmed."""
    return (
        Contribution.objects.filter(
            kind=kind,
            email__iexact=email,
            title_key=title_key(title),
            status=Contribution.Status.UNCONFIRMED,
        )
        .order_by("-pk")
        .first()
    )


def need_request_get_pending_twin(*, email: str, subject: str) -> NeedRequest | None:
    """The same request sent again from the same address before it was confirmed."""
    return (
        NeedRequest.objects.filter(
            email__iexact=email, subject=subject, status=NeedRequest.Status.UNCONFIRMED
        )
        .order_by("-pk")
        .first()
    )


# -- Suggestions shown before a « préciser mon besoin » request is sent ------------------

SUGGESTIONS = 4
# Words too common to say what a request is about.
STOP_WORDS = set(
    [
        "avec",
        "dans",
        "pour",
        "par",
        "sur",
        "sous",
        "entre",
        "vers",
        "chez",
        "sans",
        "plus",
        "moins",
        "tres",
        "bien",
        "faire",
        "fait",
        "avoir",
        "etre",
        "sont",
        "nous",
        "vous",
        "leur",
        "leurs",
        "notre",
        "votre",
        "nos",
        "vos",
        "ces",
        "cette",
        "celui",
        "celle",
        "ceux",
        "elles",
        "mais",
        "donc",
        "ainsi",
        "alors",
        "comme",
        "quel",
        "quelle",
        "quels",
        "quelles",
        "aussi",
        "encore",
        "deja",
        "tout",
        "tous",
        "toute",
        "toutes",
        "autre",
        "autres",
        "meme",
        "depuis",
        "pendant",
        "avant",
        "apres",
        "lors",
        "souhaite",
        "souhaitons",
        "voudrions",
        "aimerions",
        "besoin",
        "besoins",
        "projet",
        "projets",
        "commune",
        "collectivite",
        "accompagnement",
        "aide",
        "aider",
    ]
)


def suggestion_words(text: str, *, limit: int = 8) -> list[str]:
    """The telling words of a request, in order: long enough, not a common word."""
    seen, result = set(), []
    for word in re.findall(r"\w+", normalise(text or "")):
        stem = fallback_stem(word)
        if len(word) < 4 or word.isdigit() or word in STOP_WORDS or stem in seen:
            continue
        seen.add(stem)
        result.append(word[:MAX_WORD_LENGTH])
        if len(result) == limit:
            break
    return result


def resource_list_suggested(*, text: str, theme=None, limit: int = SUGGESTIONS) -> list[Resource]:
    """Published resources sharing the most words with ``text``, those of ``theme`` first;
    completed with the theme's latest resources when few words match."""
    words = suggestion_words(text)
    published = Resource.objects.published().select_related("publisher", "document")
    results = []
    if words:
        matching = _resources_matching_any(published, words)
        order = ["-score", "-published_on", "-pk"]
        if theme is not None:
            in_theme = Resource.themes.through.objects.filter(
                resource_id=OuterRef("pk"), themepage_id=theme.pk
            )
            matching = matching.annotate(in_theme=Exists(in_theme))
            order.insert(0, "-in_theme")
        results = list(matching.order_by(*order)[:limit])
    if len(results) < limit and theme is not None:
        results += list(
            published.filter(themes=theme)
            .exclude(pk__in=[resource.pk for resource in results])
            .order_by("-published_on", "-pk")[: limit - len(results)]
        )
    return results


def _resources_matching_any(queryset, words: list[str]):
    """Resources holding any of ``words``, scored by how well they match."""
    if uses_postgres():
        ts_query = None
        for word in words:
            term = SearchQuery(word, config=FTS_CONFIG, search_type="plain")
            if fallback_stem(word) != word:
                term |= SearchQuery(fallback_stem(word), config=FTS_CONFIG, search_type="plain")
            ts_query = term if ts_query is None else ts_query | term
        return queryset.filter(search_vector=ts_query).annotate(
            score=SearchRank(F("search_vector"), ts_query)
        )
    stems = [fallback_stem(word) for word in words]
    condition = Q()
    for stem in stems:
        condition |= Q(search_text__contains=stem)
    score = sum(
        (Case(When(search_text__contains=stem, then=Value(1)), default=Value(0)) for stem in stems),
        start=Value(0),
    )
    return queryset.filter(condition).annotate(
        score=ExpressionWrapper(score, output_field=IntegerField())
    )


def project_list_suggested(*, text: str, theme=None, limit: int = SUGGESTIONS) -> list:
    """Live projects found by the site search with any of the words, the theme's first."""
    words = suggestion_words(text)
    live = ProjectPage.objects.live().public()
    found = list(live.search(" ".join(words), operator="or")[:20]) if words else []
    if theme is not None:
        in_theme = set(live.filter(themes=theme).values_list("pk", flat=True))
        found.sort(key=lambda project: project.pk not in in_theme)  # stable: keeps relevance
        if len(found) < limit:
            known = [project.pk for project in found]
            found += list(
                live.filter(themes=theme)
                .exclude(pk__in=known)
                .order_by("-first_published_at")[: limit - len(found)]
            )
    return found[:limit]
