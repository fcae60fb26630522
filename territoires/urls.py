from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as document_views

from core import two_factor, views
from core.ratelimit import limit_posts
from resources import views as resource_views
from resources.feeds import NewResourcesAtomFeed, NewResourcesFeed
from resources.sitemaps import ResourceSitemap
from resources.views_tags import resource_tag_suggestions
from themes.feeds import NewProjectsAtomFeed, NewProjectsFeed
from themes.views import project_tag_suggestions
from votes.sitemaps import CampaignSitemap

urlpatterns = [
    path("admin/2fa/", two_factor.two_factor, name="admin-2fa"),
    path("admin/2fa/activer/<str:token>/", two_factor.enrolment_link, name="admin-2fa-enrol"),
    path("admin/", include(wagtailadmin_urls)),
    # The shared password of a private collection or page can be guessed too: limited
    # per address (these routes come before Wagtail's own, which they replace).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        limit_posts("private-password", "20/h")(document_views.authenticate_with_password),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sante/", views.health, name="health"),
    path("recherche/", views.search, name="search"),
    path("api/", include("api.urls")),
    path("ressources/flux.rss", NewResourcesFeed(), name="resource-feed-rss"),
    path("ressources/flux.atom", NewResourcesAtomFeed(), name="resource-feed-atom"),
    path("ressources/mots-cles.json", resource_tag_suggestions, name="resource-tag-suggestions"),
    path("ressources/<slug:slug>/", resource_views.resource_detail, name="resource-detail"),
    path("projets/flux.rss", NewProjectsFeed(), name="project-feed-rss"),
    path("projets/flux.atom", NewProjectsAtomFeed(), name="project-feed-atom"),
    path("projets/mots-cles.json", project_tag_suggestions, name="project-tag-suggestions"),
    path(
        "sitemap.xml",
        sitemap,
        {
            "sitemaps": {
                "pages": PageSitemap,
                "ressources": ResourceSitemap,
                "votes": CampaignSitemap,
            }
        },
        name="sitemap",
    ),
    path("favicon.ico", views.favicon),
    # Each app's own routes; they come before Wagtail's catch-all page serving.
    path("", include("collectivites.urls")),
    path("", include("votes.urls")),
    path("", include("events.urls")),
    path("", include("contributions.urls")),
    path("", include("newsletter.urls")),
]

# Media on the local disk (the embedded default) are served by Django, DEBUG on or
# off (Django's static() helper does nothing with DEBUG off); on an object store
# their URLs point there. Documents go through /documents/ only, which applies their
# collection's privacy and forces the download.
if settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", views.local_media, name="local-media"))

# Wagtail's own front-end login (for private pages) would be a door without the login
# policy: it leads to the site's login instead (WAGTAIL_FRONTEND_LOGIN_URL says so too).
urlpatterns += [
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account-login", query_string=True),
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        limit_posts("private-password", "20/h")(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
]

handler400 = "core.views.bad_request"
handler500 = "core.views.server_error"
