"""/agenda/flux.rss and /agenda/flux.atom: the events newly announced."""

from django.utils.feedgenerator import Atom1Feed

from core.feeds import PublicFeed
from core.public_urls import public_url

from .selectors import agenda_get, event_list_newest

FEED_LENGTH = 30


class NewEventsFeed(PublicFeed):
    title = "Territoires en Commun — nouveaux événements"
    description = (
        "Les derniers rendez-vous annoncés dans l'agenda de Territoires en Commun : rencontres, "
        "webinaires, afterworks et conférences des partenaires."
    )
    language = "fr"

    def link(self):
        index = agenda_get()
        return public_url(index.url if index else "/")

    def items(self):
        return event_list_newest().prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, item):
        if item.is_cancelled:
            return f"[{item.get_status_display()}] {item.title}"
        return item.title

    def item_description(self, item):
        facts = " — ".join(part for part in (item.when, item.place) if part)
        return f"{facts}. {item.summary}"

    def item_link(self, item):
        return public_url(item.url)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.organiser_label or None

    def item_categories(self, item):
        return [item.get_event_format_display(), *sorted(tag.name for tag in item.tags.all())]


class NewEventsAtomFeed(NewEventsFeed):
    feed_type = Atom1Feed
    subtitle = NewEventsFeed.description
