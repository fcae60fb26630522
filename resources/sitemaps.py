from core.sitemaps import PublicSitemap

from .models import Resource


class ResourceSitemap(PublicSitemap):
    """The resources' own pages: they are snippets, so Wagtail's page sitemap misses them."""

    def items(self):
        return Resource.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.last_published_at
