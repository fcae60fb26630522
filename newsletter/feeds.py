"""/newsletter/archives/flux.rss: the issues sent, the latest first."""

from core.feeds import PublicFeed
from core.public_urls import public_url

from .selectors import archive_page_get, issue_list_published

FEED_LENGTH = 24


class IssuesFeed(PublicFeed):
    title = "Territoires en Commun — la newsletter"
    description = (
        "Chaque mois, la newsletter de Territoires en Commun : la thématique d'inspiration, des "
        "projets pour vous inspirer, le concept du mois et l'agenda des partenaires."
    )
    language = "fr"

    def link(self):
        archive = archive_page_get()
        return public_url(archive.url if archive else "/")

    def items(self):
        return issue_list_published()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.preheader or item.search_description or item.title

    def item_link(self, item):
        return public_url(item.url)

    def item_pubdate(self, item):
        return item.sent_at

    def item_updateddate(self, item):
        return item.last_published_at
