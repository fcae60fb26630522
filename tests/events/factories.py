import datetime

import factory
import wagtail_factories

from events.dates import PARIS
from events.models import EventPage


def paris(year, month, day, hour=0, minute=0, second=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=PARIS)


class EventPageFactory(wagtail_factories.PageFactory):
    """A published event (``live`` like the demo's), by default in Nantes in 2030."""

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Événement {n}")
    summary = factory.Faker("sentence", nb_words=16, locale="fr_FR")
    start = paris(2030, 3, 12, 14)
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    city = "Nantes"
    departement = "44"
    event_format = "presentiel"
    # Online and hybrid events must give their link.
    online_url = factory.LazyAttribute(
        lambda event: (
            "https://visio.example.org/salle"
            if event.event_format in ("en_ligne", "hybride")
            else ""
        )
    )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)
            if create:
                self.save()
