import factory
import wagtail_factories

from core.models import ContentPage, Partner


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partenaire {n}")
    full_name = factory.Faker("company", locale="fr_FR")
    website = factory.Faker("url", locale="fr_FR")
    is_founder = True


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Faker("sentence", nb_words=3, locale="fr_FR")
    intro = factory.Faker("paragraph", locale="fr_FR")
