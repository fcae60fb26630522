import factory
from django.utils import timezone

from contributions.models import Contribution, NeedRequest


class ContributionFactory(factory.django.DjangoModelFactory):
    """A confirmed resource proposal awaiting moderation."""

    class Meta:
        model = Contribution

    kind = Contribution.Kind.RESOURCE
    status = Contribution.Status.RECEIVED
    reference = factory.Sequence(lambda n: f"TEC-2026-9{n:04d}")
    contributor_name = factory.Faker("name", locale="fr_FR")
    organisation = factory.Sequence(lambda n: f"Commune test {n}")
    email = factory.Sequence(lambda n: f"contributeur{n}@example.fr")
    title = factory.Sequence(lambda n: f"Proposition n° {n}")
    summary = factory.Faker("paragraph", locale="fr_FR")
    url = factory.Sequence(lambda n: f"https://proposition.example.org/{n}")
    resource_kind = "guide"
    confirmed_at = factory.LazyFunction(timezone.now)


class NeedRequestFactory(factory.django.DjangoModelFactory):
    """A confirmed request, in the team's queue."""

    class Meta:
        model = NeedRequest

    status = NeedRequest.Status.NEW
    confirmed_at = factory.LazyFunction(timezone.now)
    reference = factory.Sequence(lambda n: f"BES-2026-9{n:04d}")
    structure_name = factory.Sequence(lambda n: f"Syndicat mixte {n}")
    contact_name = factory.Faker("name", locale="fr_FR")
    role = "Chargée de mission"
    email = factory.Sequence(lambda n: f"demandeur{n}@example.fr")
    stage = NeedRequest.Stage.IDEA
    subject = factory.Sequence(lambda n: f"Demande n° {n}")
    message = factory.Faker("paragraph", locale="fr_FR")
