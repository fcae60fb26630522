"""/projets/flux.rss and /projets/flux.atom: the projects newly published."""

from django.utils.feedgenerator import Atom1Feed

from core.feeds import PublicFeed
from core.public_urls import public_url

from .models import ProjectIndexPage
from .selectors import newest_projects

FEED_LENGTH = 30


class NewProjectsFeed(PublicFeed):
    title = "Territoires en Commun — nouveaux projets"
    description = (
        "Les derniers projets démocratiques et expériences territoriales publiés sur "
        "Territoires en Commun, pour s'inspirer de ce que font d'autres collectivités."
    )
    language = "fr"

    def link(self):
        index = ProjectIndexPage.objects.live().first()
        return public_url(index.url if index else "/")

    def items(self):
        return newest_projects()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        place = item.place
        return f"{place} — {item.intro}" if place else item.intro

    def item_link(self, item):
        return public_url(item.url)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class NewProjectsAtomFeed(NewProjectsFeed):
    feed_type = Atom1Feed
    subtitle = NewProjectsFeed.description
