import datetime

import factory
import wagtail_factories

from events.dates import PARIS
from events.models import EventPage


def paris(year, month, day, hour=0, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


class EventPageFactory(wagtail_factories.PageFactory):
    """A published event (``live`` like the demo's), by default in Nantes in 2030."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Événement {n}")
    summary = factory.Faker("sentence", nb_words=16, locale="fr_FR")
    start = paris(2030, 3, 12, 14)
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    city = "Nantes"
    departement = "44"
