"""Editors preview a project before saving it: its themes are still only in the form."""

from themes.models import ProjectPage, ThemePage


def test_a_project_preview_lists_the_themes_chosen_in_the_form(rf, home):
    theme = ThemePage.objects.live().first()
    project = ProjectPage(title="Projet en cours de rédaction", slug="projet-apercu")
    project.themes = [theme]  # as Wagtail's preview builds the page: in memory
    context = project.get_context(rf.get("/"))
    assert list(context["themes"]) == [theme]
