"""Relevance you can measure: the checked-in French queries (bench.relevance) over a
corpus built with factories, the expected resources among the first five."""

import datetime
import random

import pytest

from bench.relevance import mean_recall, relevance_cases, relevance_corpus
from resources import search
from resources.models import Resource
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

RECALL_FLOOR = 0.95
DISTRACTORS = 40
# Words the distractors mention in passing, in their summary only.
PASSING_WORDS = [
    "budget", "emploi", "mobilité", "jeunes", "élus", "santé", "énergie", "culture",
    "association", "commerce", "logement", "participation", "numérique", "forêt",
]  # fmt: skip


def build_corpus() -> dict[int, str]:
    keys = {}
    for n, row in enumerate(relevance_corpus()):
        resource = ResourceFactory(
            title=row["title"],
            summary=row["summary"],
            tags=[row["tags"]],
            published_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        )
        keys[resource.pk] = row["key"]
    rng = random.Random(15)
    for n in range(DISTRACTORS):
        words = ", ".join(rng.sample(PASSING_WORDS, 4))
        resource = ResourceFactory(
            title=f"Lettre d'information n° {n}",
            summary=f"Au sommaire de ce numéro : {words} et les actualités du réseau.",
            published_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
        )
        keys[resource.pk] = f"lettre-{n}"
    return keys


def test_the_expected_resources_come_first():
    keys = build_corpus()
    corpus = Resource.objects.filter(pk__in=keys)

    def ranked_keys(query: str) -> list[str]:
        results, _ranked = search.search(corpus, query)
        pks = results.order_by("-rank", "-published_on", "-pk").values_list("pk", flat=True)
        return [keys[pk] for pk in pks[:10]]

    cases = relevance_cases()
    assert len(cases) >= 40
    recall, misses = mean_recall(cases, ranked_keys)
    print(f"recall@5 over {len(cases)} queries: {recall:.3f}", misses)
    assert recall >= RECALL_FLOOR, misses
