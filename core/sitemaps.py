"""Sitemaps of Django views on the public address (Wagtail's page sitemap already uses
the Site, which follows SITE_URL)."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap

from .public_urls import site_url


class PublicSitemap(Sitemap):
    """Django's sitemap takes the request's host and scheme; this one takes SITE_URL's."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc
