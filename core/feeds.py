"""RSS and Atom feeds whose every link is on the public address.

Django's ``Feed`` puts the request's host in front of relative links; a feed read
through an internal address would then send readers there. Subclasses return
``public_url(...)`` from ``link`` and ``item_link``, and the feed's own address
(``feed_url``) is set here.
"""

from django.contrib.syndication.views import Feed

from .public_urls import public_url


class PublicFeed(Feed):
    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = public_url(request.path)
        return feed
