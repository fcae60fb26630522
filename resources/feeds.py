"""/ressources/flux.rss and /ressources/flux.atom: the resources newly published.

A feed honours the library's own search and filters (``?q=participation&kind=guide``),
so that a reader can follow a selection: the library page announces the feed of the
selection it shows.
"""

import datetime

from django.db.models import F
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from core.feeds import PublicFeed
from core.public_urls import public_url

from .selectors import library_page, resource_list_filtered

FEED_LENGTH = 30
# What only the page has: its page number and its order (a feed is the newest first).
PAGE_ONLY_PARAMETERS = ("page", "tri")


def selection(params) -> QueryDict:
    """The filters of a request that the feed applies, without empty values."""
    kept = QueryDict(mutable=True)
    for key, values in params.lists():
        # Control characters match nothing and XML cannot carry them (title, link).
        values = [value for value in values if value.strip() and value.isprintable()]
        if key not in PAGE_ONLY_PARAMETERS and values:
            kept.setlist(key, values)
    return kept


class NewResourcesFeed(PublicFeed):
    description = (
        "Les dernières ressources publiées dans la bibliothèque de Territoires en Commun : "
        "guides, outils, fiches méthode, jeux, MOOC, enquêtes et tribunes sur la participation "
        "citoyenne et les coopérations territoriales."
    )
    language = "fr"

    def get_object(self, request, *args, **kwargs):
        return request.GET

    def title(self, params):
        query = selection(params).get("q", "").strip()
        base = "Territoires en Commun — nouvelles ressources"
        if query:
            return f"{base} pour « {query[:100]} »"
        return f"{base} (sélection)" if selection(params) else base

    def link(self, params):
        library = library_page()
        query = selection(params).urlencode()
        path = library.url if library else "/"
        return public_url(f"{path}?{query}" if query else path)

    def items(self, params):
        _filterset, queryset, _ranked = resource_list_filtered(params=selection(params))
        # Newest first by the resource's own publication date, as the library's
        # « Plus récentes »: correcting an old resource does not bring it back up.
        return (
            queryset.select_related("publisher")
            .prefetch_related("tags")
            .order_by("-published_on", F("first_published_at").desc(nulls_last=True), "-pk")[
                :FEED_LENGTH
            ]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return public_url(reverse("resource-detail", kwargs={"slug": item.slug}))

    def item_pubdate(self, item):
        # Its publication date, not the moment it was loaded into the site (the demo
        # content, an import): readers sort and show this date.
        return timezone.make_aware(datetime.datetime.combine(item.published_on, datetime.time()))

    def item_author_name(self, item):
        return item.publisher.name if item.publisher else None

    def item_categories(self, item):
        return [item.get_kind_display(), *sorted(tag.name for tag in item.tags.all())]


class NewResourcesAtomFeed(NewResourcesFeed):
    feed_type = Atom1Feed
    subtitle = NewResourcesFeed.description
