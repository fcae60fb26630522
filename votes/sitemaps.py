from django.contrib.sitemaps import Sitemap

from .models import Campaign


class CampaignSitemap(Sitemap):
    """The campaigns' results pages: Django views, so Wagtail's page sitemap misses them."""

    def items(self):
        return Campaign.objects.published().order_by("pk")
