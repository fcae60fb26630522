"""The page cache of anonymous visitors (core.page_cache): how long, what empties it,
what it never keeps, and which query parameters make a page another page."""

import os

# Anonymous pages are served from the cache (core.page_cache) until the content
# changes: a write to any model of these apps empties it.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_CONTENT_APPS = [
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "taggit",
    "core",
    "themes",
    "resources",
    "events",
    "votes",
    "newsletter",
    "contributions",
    "collectivites",
]
# What visitors send (sign-ups, proposals, requests) changes no public page.
PAGE_CACHE_IGNORED_MODELS = [
    "newsletter.Subscriber",
    "newsletter.ConsentRecord",
    "newsletter.Delivery",
    "newsletter.Dispatch",
    "contributions.Contribution",
    "contributions.NeedRequest",
    "collectivites.Representative",
    "core.RateCounter",
    "core.RecoveryCode",
    # A rendition is made the first time a page shows an image: it changes no content,
    # and invalidating on it would empty the cache on every first view of an image.
    "wagtailimages.Rendition",
]
# Never cached: the admin, accounts, health, and pages reached by a personal signed link.
PAGE_CACHE_EXCLUDED_PATHS = (
    "/admin/",
    "/sante/",
    "/compte/",
    "/documents/",
    "/contribuer/envoyee/",
    "/contribuer/confirmer/",
    "/contribuer/suivi/",
    "/besoin/envoyee/",
    "/besoin/confirmer/",
    "/newsletter/confirmer/",
    "/newsletter/preferences/",
    "/newsletter/desinscription/",
    "/newsletter/nouveau-lien/",
)
# The query parameters public pages read (filters of the library, agenda, projects and
# API, search, sort, pagination): a request with any other is never cached.
PAGE_CACHE_QUERY_PARAMS = frozenset(
    {"q", "type", "types", "page", "page_size", "tri", "kind", "theme", "tag", "publisher"}
    | {"audience", "year", "month", "region", "format", "organiser", "thematique"}
)
