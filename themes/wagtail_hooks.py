from wagtail import hooks

from territoires.core.home import HOME_SECTION_HOOK, HomeSection

from .selectors import concept_of_the_month, recent_projects, theme_of_the_month


@hooks.register(HOME_SECTION_HOOK)
def theme_of_the_month_section(*, request, home_page):
    theme = theme_of_the_month()
    if theme is None:
        return None
    return HomeSection(template="themes/home/theme.html", order=10, context={"theme": theme})


@hooks.register(HOME_SECTION_HOOK)
def recent_projects_section(*, request, home_page):
    projects = list(recent_projects())
    if not projects:
        return None
    return HomeSection(
        template="themes/home/projects.html", order=30, context={"projects": projects}
    )


@hooks.register(HOME_SECTION_HOOK)
def concept_of_the_month_section(*, request, home_page):
    concept = concept_of_the_month()
    if concept is None:
        return None
    return HomeSection(template="themes/home/concept.html", order=50, context={"concept": concept})
