"""« Des nouvelles du projet partagé »: where the projet partagé born from the vote
stands (its parties prenantes, the places left) and the next steps the editors write.

The registrations are read when the issue is sent and frozen with it, like the
vote's tallies. Once no vote is open, a « Votez » section shows this news instead
of nothing.
"""

from wagtail import blocks

from votes.selectors import shared_project_current, shared_project_news

from .base import SectionBlock, live_pages

SHARED_PROJECT_TITLE = "Des nouvelles du projet partagé"
SHARED_PROJECT_LINK_LABEL = "Retrouvez les détails du projet"


def frozen_or_live_news(project, context: dict) -> dict:
    """The project's registrations as frozen when the issue was sent, else as they stand."""
    snapshot = context.get("issue_snapshot") or {}
    frozen = (snapshot.get("shared_projects") or {}).get(str(project.pk))
    return frozen or shared_project_news(project=project)


class SharedProjectNewsBlock(SectionBlock):
    section = "shared_project"
    title = blocks.CharBlock(label="Titre", max_length=200, default=SHARED_PROJECT_TITLE)
    project = blocks.PageChooserBlock(label="Projet partagé", page_type="votes.SharedProjectPage")
    text = blocks.TextBlock(
        label="Présentation",
        required=False,
        help_text="Laisser vide pour reprendre le chapeau du projet.",
    )
    next_steps = blocks.TextBlock(
        label="Prochaines étapes",
        required=False,
        help_text=(
            "Écrites par l'équipe : prochaine rencontre, calendrier des travaux… Les "
            "collectivités inscrites et les places restantes s'affichent d'elles-mêmes."
        ),
    )
    link_label = blocks.CharBlock(
        label="Libellé du lien", max_length=80, default=SHARED_PROJECT_LINK_LABEL
    )

    class Meta:
        icon = "group"
        label = "Des nouvelles du projet partagé"

    def section_context(self, value, context):
        [project] = live_pages([value["project"]]) or [None]
        if project is None:
            return None
        news = frozen_or_live_news(project, context)
        return {
            "project": project,
            "text": value["text"] or project.intro,
            "news": news,
            "stakeholders": french_list(news["stakeholders"]),
            "calling": news["registrations_open"] and news["places_left"] > 0,
        }


def french_list(names: list[str]) -> str:
    """« A, B et C »."""
    return " et ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


FALLBACK = SharedProjectNewsBlock()


def _fallback_project_id(context: dict) -> int | None:
    snapshot = context.get("issue_snapshot")
    if snapshot is not None and "shared_project_current" in snapshot:
        return snapshot["shared_project_current"]
    project = shared_project_current()
    return project.pk if project is not None else None


def vote_fallback(mode: str, context: dict) -> str:
    """What a « Votez » section shows when no vote is open: the news of the latest
    projet partagé, unless the issue gives them in a section of its own."""
    issue = context.get("issue") or context.get("page")
    sections = getattr(issue, "body", None) or []
    if any(section.block_type == "shared_project" for section in sections):
        return ""
    project_id = _fallback_project_id(context)
    if project_id is None:
        return ""
    value = FALLBACK.to_python(
        {
            "title": SHARED_PROJECT_TITLE,
            "project": project_id,
            "text": "",
            "next_steps": "",
            "link_label": SHARED_PROJECT_LINK_LABEL,
        }
    )
    return FALLBACK.render_as(value, mode, context)
