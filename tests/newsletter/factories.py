import factory
from django.utils import timezone

from newsletter.models import Subscriber, SubscriberStatus


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber who receives the newsletter."""

    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"abonne{n}@exemple.fr")
    name = factory.Faker("name", locale="fr_FR")
    organisation = factory.Faker("company", locale="fr_FR")
    kind = "collectivite"
    status = SubscriberStatus.ACTIVE
    confirmed_at = factory.LazyFunction(timezone.now)


class PendingSubscriberFactory(SubscriberFactory):
    status = SubscriberStatus.PENDING
    confirmed_at = None
