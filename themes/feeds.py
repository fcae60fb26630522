"""/projets/flux.rss and /projets/flux.atom: the projects newly published, with the
project index's own filters (``?theme=…&region=11&tag=emploi``)."""

from django.http import QueryDict
from django.utils.feedgenerator import Atom1Feed

from core.feeds import PublicFeed
from core.public_urls import public_url

from .filters import ProjectFilterSet
from .models import ProjectIndexPage
from .selectors import newest_projects

FEED_LENGTH = 30


def selection(params) -> QueryDict:
    """The filters of a request that the feed applies, without empty values."""
    kept = QueryDict(mutable=True)
    for key, values in params.lists():
        # Control characters match nothing and XML cannot carry them (title, link).
        values = [value for value in values if value.strip() and value.isprintable()]
        if key in ProjectFilterSet.base_filters and values:
            kept.setlist(key, values)
    return kept


class NewProjectsFeed(PublicFeed):
    description = (
        "Les derniers projets démocratiques et expériences territoriales publiés sur "
        "Territoires en Commun, pour s'inspirer de ce que font d'autres collectivités."
    )
    language = "fr"

    def get_object(self, request, *args, **kwargs):
        return request.GET

    def title(self, params):
        base = "Territoires en Commun — nouveaux projets"
        return f"{base} (sélection)" if selection(params) else base

    def link(self, params):
        index = ProjectIndexPage.objects.live().first()
        path = index.url if index else "/"
        query = selection(params).urlencode()
        return public_url(f"{path}?{query}" if query else path)

    def items(self, params):
        filterset = ProjectFilterSet(selection(params) or None, queryset=newest_projects())
        return filterset.qs[:FEED_LENGTH]

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
