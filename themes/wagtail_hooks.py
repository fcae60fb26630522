from wagtail import hooks

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


# What the theme pages and the project index list (the pages cannot import selectors).
hooks.register(THEME_PAGE_SECTION_HOOK, theme_page_projects)
hooks.register(PROJECT_INDEX_LISTING_HOOK, project_index_listing)

# The demo content of this app, found by ``manage.py load_demo_content`` in this order.
hooks.register("load_demo_content", demo.load, order=10)
