"""The demo's events get a drawing of core.illustrations too, once every loader has run
(the agenda's events are the newsletters' « À vos agendas ! » sections)."""

from core.demo_tools import demo_illustration
from events.models import EventPage

# An event's image carries information (a poster, usually): it needs a text alternative.
EVENT_ALT = "Dessin d'une page de calendrier où quelques jours sont marqués en couleur."


def illustrate_events() -> int:
    """Give the drawing to the demo's events that have no image and were never edited
    (a single revision): an editor's choice is never undone. How many were illustrated."""
    image = None
    count = 0
    for event in EventPage.objects.live().filter(image__isnull=True):
        if event.revisions.count() > 1:
            continue
        image = image or demo_illustration("agenda")
        event.image, event.image_alt = image, EVENT_ALT
        event.save_revision().publish()
        count += 1
    return count
