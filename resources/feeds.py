"""/ressources/flux.rss and /ressources/flux.atom: the resources newly published."""

from django.db.models import F
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from core.feeds import PublicFeed
from core.public_urls import public_url

from .models import Resource, ResourceIndexPage

FEED_LENGTH = 30


class NewResourcesFeed(PublicFeed):
    title = "Territoires en Commun — nouvelles ressources"
    description = (
        "Les dernières ressources publiées dans la bibliothèque de Territoires en Commun : "
        "guides, outils, fiches méthode, jeux, MOOC, enquêtes et tribunes sur la participation "
        "citoyenne et les coopérations territoriales."
    )
    language = "fr"

    def link(self):
        library = ResourceIndexPage.objects.live().first()
        return public_url(library.url if library else "/")

    def items(self):
        # Newest first by first publication, so that a correction does not bring
        # an old resource back to the top of the readers' lists.
        return (
            Resource.objects.published()
            .select_related("publisher")
            .prefetch_related("tags")
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return public_url(reverse("resource-detail", kwargs={"slug": item.slug}))

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.publisher.name if item.publisher else None

    def item_categories(self, item):
        return [item.get_kind_display(), *sorted(tag.name for tag in item.tags.all())]


class NewResourcesAtomFeed(NewResourcesFeed):
    feed_type = Atom1Feed
    subtitle = NewResourcesFeed.description
