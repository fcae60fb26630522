from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from core.admin_menu import CONTENT_MENU_HOOK
from core.home import HOME_SECTION_HOOK, HomeSection
from core.search import SEARCH_GROUP_HOOK, SearchGroup, page_search

from . import demo
from .hooks import PROJECT_INDEX_LISTING_HOOK, THEME_PAGE_SECTION_HOOK
from .models import ConceptPage, ProjectPage, ThemePage
from .selectors import (
    concept_of_the_month,
    project_index_listing,
    theme_featured_projects,
    theme_of_the_month,
    theme_page_projects,
)


@hooks.register(HOME_SECTION_HOOK)
def theme_of_the_month_section(*, request, home_page):
    theme = theme_of_the_month()
    if theme is None:
        return None
    return HomeSection(template="themes/home/theme.html", order=10, context={"theme": theme})


@hooks.register(HOME_SECTION_HOOK)
def theme_projects_section(*, request, home_page):
    theme = theme_of_the_month()
    projects, own = theme_featured_projects(theme=theme)
    if not projects:
        return None
    return HomeSection(
        template="themes/home/projects.html",
        order=30,
        context={"projects": projects, "theme": theme if own else None},
    )


@hooks.register(HOME_SECTION_HOOK)
def concept_of_the_month_section(*, request, home_page):
    concept = concept_of_the_month()
    if concept is None:
        return None
    return HomeSection(template="themes/home/concept.html", order=50, context={"concept": concept})


@hooks.register(SEARCH_GROUP_HOOK)
def themes_search_group():
    return SearchGroup(
        key="thematiques",
        label="Thématiques d'inspiration",
        order=10,
        search=page_search(ThemePage),
    )


@hooks.register(SEARCH_GROUP_HOOK)
def concepts_search_group():
    return SearchGroup(
        key="concepts", label="Concepts du mois", order=20, search=page_search(ConceptPage)
    )


@hooks.register(SEARCH_GROUP_HOOK)
def projects_search_group():
    return SearchGroup(
        key="projets",
        label="Projets et expériences territoriales",
        order=30,
        search=page_search(ProjectPage),
    )


# --- « Contenus »: each page type's listing, in the admin's « Contenus » menu -----------

MONTH_COLUMN = Column("month", label="Mois", sort_key="month")


class ThemeListingViewSet(PageListingViewSet):
    model = ThemePage
    icon = "tag"
    menu_label = "Thématiques"
    menu_hook = CONTENT_MENU_HOOK
    menu_order = 100
    columns = [*PageListingViewSet.columns, MONTH_COLUMN]


class ConceptListingViewSet(PageListingViewSet):
    model = ConceptPage
    icon = "pick"
    menu_label = "Concepts"
    menu_hook = CONTENT_MENU_HOOK
    menu_order = 200
    columns = [*PageListingViewSet.columns, MONTH_COLUMN]


class ProjectListingViewSet(PageListingViewSet):
    model = ProjectPage
    icon = "site"
    menu_label = "Projets"
    menu_hook = CONTENT_MENU_HOOK
    menu_order = 300


@hooks.register("register_admin_viewset")
def register_content_listings():
    return [
        ThemeListingViewSet("thematiques"),
        ConceptListingViewSet("concepts"),
        ProjectListingViewSet("projets"),
    ]


# What the theme pages and the project index list (the pages cannot import selectors).
hooks.register(THEME_PAGE_SECTION_HOOK, theme_page_projects)
hooks.register(PROJECT_INDEX_LISTING_HOOK, project_index_listing)

# The demo content of this app, found by ``manage.py load_demo_content`` in this order.
hooks.register("load_demo_content", demo.load, order=10)
