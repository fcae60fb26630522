import datetime

import factory

from resources.models import Resource, ResourceKind


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published resource; pass ``live=False`` for a draft.

    ``themes``, ``audiences`` and ``tags`` take lists: ``ResourceFactory(tags=["emploi"])``.
    """

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Guide de la participation n° {n}")
    kind = ResourceKind.GUIDE
    summary = factory.Faker("paragraph", nb_sentences=3, locale="fr_FR")
    url = factory.Sequence(lambda n: f"https://ressources.example/guide-{n}")
    published_on = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
    )
    live = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if extracted:
            self.audiences.set(extracted)
            self.save()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)
            self.save()
