from urllib.parse import urlencode

import django_filters
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.search import SEARCH_GROUP_HOOK, SearchGroup
from themes.models import ThemePage

from . import demo, search
from .models import Audience, Resource, ResourceIndexPage, ResourceKind


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


def _library_url(query: str) -> str:
    page = ResourceIndexPage.objects.live().first()
    return f"{page.url}?{urlencode({'q': query})}" if page else ""


def _search_resources(words: str):
    results, _ranked = search.search(Resource.objects.published(), words)
    return results.select_related("publisher").order_by("-rank", "-published_on", "-pk")


@hooks.register(SEARCH_GROUP_HOOK)
def resources_search_group():
    return SearchGroup(
        key="ressources",
        label="Ressources",
        order=40,
        search=_search_resources,
        more_url=_library_url,
    )


# The demo content of this app, found by ``manage.py load_demo_content`` in this order.
hooks.register("load_demo_content", demo.load, order=20)
