import datetime
import itertools

import factory
from django.utils import timezone

from votes.models import Campaign, Candidate, SharedProjectPage


class CampaignFactory(factory.django.DjangoModelFactory):
    """A published campaign, open since yesterday for a month."""

    class Meta:
        model = Campaign

    title = factory.Sequence(lambda n: f"Campagne de test {n}")
    slug = factory.Sequence(lambda n: f"campagne-test-{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    max_choices = 1
    is_published = True


class CandidateFactory(factory.django.DjangoModelFactory):
    """A theme on the ballot."""

    class Meta:
        model = Candidate

    campaign = factory.SubFactory(CampaignFactory)
    title = factory.Sequence(lambda n: f"Thème {n}")
    description = "Une priorité pour les territoires."
    sort_order = factory.Sequence(int)


_project_numbers = itertools.count(1)


def shared_project(*, title="Projet partagé de test", capacity=3, **fields) -> SharedProjectPage:
    """A published projet partagé under the demo index."""
    from votes.services.closing import shared_project_index_ensure

    index = shared_project_index_ensure()
    page = SharedProjectPage(
        title=title,
        slug=f"projet-partage-test-{next(_project_numbers)}",
        intro="Un projet partagé de test.",
        stakeholder_capacity=capacity,
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page
