import django_filters
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_menu import CONTENT_MENU_HOOK, NamedUrlMenuItem
from core.search import SEARCH_GROUP_HOOK, SEARCH_SUGGESTION_HOOK, SearchGroup
from themes.hooks import THEME_PAGE_SECTION_HOOK
from themes.models import ThemePage

from . import demo
from .hooks import LIBRARY_PAGE_LISTING_HOOK
from .listing import library_page_listing_for_visitors
from .models import Audience, Resource, ResourceKind
from .selectors import (
    library_search_url,
    resource_search,
    theme_page_resources,
)
from .suggestions import search_suggestion


class ResourceAdminFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label="Type", choices=ResourceKind.choices)
    themes = django_filters.ModelChoiceFilter(
        label="Thématique", queryset=ThemePage.objects.order_by("-month")
    )
    live = django_filters.BooleanFilter(label="Publiée")

    class Meta:
        model = Resource
        fields = ["kind", "themes", "publisher", "live"]


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full-inverse"
    menu_label = "Ressources"
    list_display = ["title", "kind", "publisher", "published_on", "live"]
    list_per_page = 50
    filterset_class = ResourceAdminFilterSet
    ordering = ["-published_on"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = "Publics"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class LibraryViewSetGroup(SnippetViewSetGroup):
    items = (ResourceViewSet, AudienceViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = "Bibliothèque"
    menu_name = "bibliotheque"
    menu_order = 200


register_snippet(LibraryViewSetGroup)


class ResourcesMenuItem(NamedUrlMenuItem):
    def is_shown(self, request):
        user = request.user
        allowed = user.has_perm("resources.view_resource") or user.has_perm(
            "resources.change_resource"
        )
        return allowed and super().is_shown(request)


@hooks.register(CONTENT_MENU_HOOK)
def resources_content_menu_item():
    return ResourcesMenuItem(
        "Ressources",
        Resource.snippet_viewset.get_url_name("list"),
        name="ressources",
        icon_name="doc-full-inverse",
        order=400,
    )


@hooks.register(SEARCH_SUGGESTION_HOOK)
def resources_search_suggestion(*, query: str, found: int):
    # The vocabulary: the words of the resources and of the pages the site search finds.
    return search_suggestion(query=query, found=found)


@hooks.register(SEARCH_GROUP_HOOK)
def resources_search_group():
    return SearchGroup(
        key="ressources",
        label="Ressources",
        order=40,
        search=lambda query: resource_search(query=query),
        more_url=lambda query: library_search_url(query=query),
    )


# What the library page and each theme page list (pages cannot import selectors).
hooks.register(LIBRARY_PAGE_LISTING_HOOK, library_page_listing_for_visitors)
hooks.register(THEME_PAGE_SECTION_HOOK, theme_page_resources)


# The demo content of this app, found by ``manage.py load_demo_content`` in this order.
hooks.register("load_demo_content", demo.load, order=20)
