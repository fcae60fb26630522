from core.sitemaps import PublicSitemap

from .models import Campaign


class CampaignSitemap(PublicSitemap):
    """The campaigns' results pages: Django views, so Wagtail's page sitemap misses them."""

    def items(self):
        return Campaign.objects.published().order_by("pk")
