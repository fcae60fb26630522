import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from collectivites.models import Collectivite, Representative


def siren_with_key(body: str) -> str:
    """Completes 8 digits with the Luhn key that makes a valid SIREN."""
    for key in "0123456789":
        digits = [int(c) for c in body + key]
        total = sum(
            d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits)
        )
        if total % 10 == 0:
            return body + key
    raise AssertionError("unreachable")


class CollectiviteFactory(factory.django.DjangoModelFactory):
    """A commune that does not exist in the real list (codes start with 99)."""

    class Meta:
        model = Collectivite

    kind = Collectivite.Kind.COMMUNE
    code = factory.Sequence(lambda n: f"99{n:03d}")
    siren = factory.Sequence(lambda n: siren_with_key(f"99{n:06d}"))
    name = factory.Sequence(lambda n: f"Commune test {n}")
    search_name = factory.LazyAttribute(lambda o: o.name.lower())
    departement = "69"
    region = "84"
    population = 1200
    postal_codes = "69000"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"representant{n}@example.fr")
    email = factory.LazyAttribute(lambda o: o.username)
    password = factory.django.Password("mot-de-passe-solide-42")


class RepresentativeFactory(factory.django.DjangoModelFactory):
    """A confirmed and validated representative: they can vote."""

    class Meta:
        model = Representative

    user = factory.SubFactory(UserFactory)
    collectivite = factory.SubFactory(CollectiviteFactory)
    full_name = factory.Faker("name", locale="fr_FR")
    role = Representative.Role.AGENT
    email = factory.LazyAttribute(lambda o: o.user.email)
    status = Representative.Status.ACTIVE
    email_confirmed_at = factory.LazyFunction(timezone.now)
    approved_at = factory.LazyFunction(timezone.now)
