"""/agenda/flux.rss and /agenda/flux.atom: the events newly announced, one item
per date (a series gives one per date to come, each linking to its own page)."""

from django.utils.feedgenerator import Atom1Feed

from core.feeds import PublicFeed
from core.public_urls import public_url

from .choices import EventStatus
from .dates import day_label
from .selectors import agenda_get, event_occurrence_list_newest

FEED_EVENTS = 30
FEED_LENGTH = 100
# Statuses a reader must see in the title: many readers show nothing else.
TITLE_STATUSES = (EventStatus.CANCELLED, EventStatus.POSTPONED, EventStatus.FULL)


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
        rows = event_occurrence_list_newest(events=FEED_EVENTS, limit=FEED_LENGTH)
        return rows.prefetch_related("event__tagged_items__tag")

    def item_title(self, item):
        title = item.event.title
        if item.event.is_recurring:
            title = f"{title} — {day_label(item.first_day)}"
        if item.display_status in TITLE_STATUSES:
            return f"[{item.status_label}] {title}"
        return title

    def item_description(self, item):
        when = item.when if item.date_known else f"{item.when} (nouvelle date à venir)"
        if item.previous_start:
            when = f"{when} (initialement {item.previous_when})"
        facts = " — ".join(part for part in (when, item.event.place) if part)
        return f"{facts}. {item.event.summary}"

    def item_link(self, item):
        return public_url(item.event.occurrence_url(item))

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.event.first_published_at

    def item_updateddate(self, item):
        return item.event.last_published_at

    def item_author_name(self, item):
        return item.event.organiser_label or None

    def item_categories(self, item):
        tags = sorted(tagged.tag.name for tagged in item.event.tagged_items.all())
        return [item.event.get_event_format_display(), *tags]


class NewEventsAtomFeed(NewEventsFeed):
    feed_type = Atom1Feed
    subtitle = NewEventsFeed.description
