"""The sections the assembler fills from what is published on the site.

They point at pages and resources rather than copying them, so a correction made
on the site before sending shows in the issue; an editor can still override the
text shown.
"""

from django.urls import NoReverseMatch, reverse
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.models import SiteSettings

from ..snapshot import vote_snapshot
from .base import SectionBlock, live_pages
from .projects import vote_fallback

RESOURCE_LINK_LABELS = {
    "enquete": "Découvrez la note d'enquête",
    "tribune": "Lire la tribune",
    "note": "Lire la note",
    "guide": "Découvrez le guide",
}


def _need_url(theme) -> str | None:
    """Where « préciser mon besoin » leads, as on the theme page: the page chosen in the
    site settings, else the need form, told which theme it is about."""
    need_page = SiteSettings.load().need_page
    if need_page is not None and need_page.live:
        base = need_page.url
    else:
        try:
            base = reverse("need-request")
        except NoReverseMatch:
            return None
    return f"{base}?thematique={theme.slug}"


class ThemeSectionBlock(SectionBlock):
    section = "theme"
    theme = blocks.PageChooserBlock(label="Thématique", page_type="themes.ThemePage")
    text = blocks.TextBlock(
        label="Présentation",
        required=False,
        help_text="Laisser vide pour reprendre le chapeau de la thématique.",
    )
    show_need = blocks.BooleanBlock(
        label="Proposer « Je suis une collectivité, je souhaite préciser mon besoin »",
        required=False,
        default=True,
    )

    class Meta:
        icon = "pick"
        label = "Thématique du mois"

    def section_context(self, value, context):
        [theme] = live_pages([value["theme"]]) or [None]
        if theme is None:
            return None
        need_url = _need_url(theme) if value["show_need"] else None
        return {"theme": theme, "text": value["text"] or theme.intro, "need_url": need_url}


class IntroResourceBlock(SectionBlock):
    section = "intro_resource"
    resource = SnippetChooserBlock("resources.Resource", label="Ressource")
    text = blocks.TextBlock(
        label="Présentation",
        required=False,
        help_text="Laisser vide pour reprendre le résumé de la ressource.",
    )
    link_label = blocks.CharBlock(
        label="Libellé du lien",
        required=False,
        max_length=80,
        help_text="Par défaut « Lire la tribune », « Découvrez la note d'enquête »…",
    )

    class Meta:
        icon = "doc-full"
        label = "En introduction…"

    def section_context(self, value, context):
        resource = value["resource"]
        if resource is None or not resource.live:
            return None
        label = value["link_label"] or RESOURCE_LINK_LABELS.get(
            resource.kind, "Découvrez la ressource"
        )
        return {
            "resource": resource,
            "kind_label": resource.get_kind_display(),
            "text": value["text"] or resource.summary,
            "link_label": label,
        }


def _page_list_children(*, title: str, page_type: str, item: str, items: str, link_label: str):
    """The title, the chosen pages and the label of their links, of a list section."""
    return (
        blocks.CharBlock(label="Titre", max_length=200, default=title),
        blocks.ListBlock(
            blocks.PageChooserBlock(page_type=page_type, label=item), label=items, min_num=1
        ),
        blocks.CharBlock(label="Libellé des liens", max_length=80, default=link_label),
    )


class PageListBlock(SectionBlock):
    """A titled list of pages chosen by the editor, held in the child ``pages_field``."""

    pages_field = ""

    def section_context(self, value, context):
        pages = live_pages(value[self.pages_field])
        return {self.pages_field: pages} if pages else None


class ProjectsBlock(PageListBlock):
    section = "projects"
    pages_field = "projects"
    title, projects, link_label = _page_list_children(
        title="Projets démocratiques et expériences territoriales pour vous inspirer",
        page_type="themes.ProjectPage",
        item="Projet",
        items="Projets",
        link_label="Découvrez le projet",
    )

    class Meta:
        icon = "site"
        label = "Projets pour vous inspirer"


class ConceptBlock(SectionBlock):
    section = "concept"
    concept = blocks.PageChooserBlock(label="Concept", page_type="themes.ConceptPage")
    text = blocks.TextBlock(
        label="Présentation",
        required=False,
        help_text="Laisser vide pour reprendre le chapeau du concept.",
    )

    class Meta:
        icon = "openquote"
        label = "Le concept du mois"

    def section_context(self, value, context):
        [concept] = live_pages([value["concept"]]) or [None]
        if concept is None:
            return None
        further = []
        for link in concept.further_reading:
            page = link.value.get("page")
            url = page.url if page is not None and page.live else link.value.get("url")
            if url:
                further.append({"label": link.value["label"], "url": url})
        return {
            "concept": concept,
            "text": value["text"] or concept.intro,
            "further_reading": further,
        }


VOTE_TEXT = (
    "C'est vous qui décidez ! L'ANCT propose d'accompagner les collectivités territoriales "
    "autour de thématiques de politiques publiques jugées prioritaires pour les territoires. "
    "Les collectivités votent selon leurs enjeux. En fonction de leur popularité, un thème est "
    "choisi pour faire l'objet d'un projet partagé."
)


class VoteBlock(SectionBlock):
    """The tallies of the open vote: as they stand when the issue is sent (then frozen
    with it), as they stand now in previews."""

    section = "vote"
    title = blocks.CharBlock(label="Titre", max_length=200, default="Votez pour une thématique !")
    text = blocks.TextBlock(label="Texte", required=False, default=VOTE_TEXT)
    shown = blocks.IntegerBlock(
        label="Nombre de thématiques affichées", min_value=1, max_value=20, default=5
    )
    link_label = blocks.CharBlock(
        label="Libellé du bouton", max_length=80, default="Votez pour une thématique"
    )

    class Meta:
        icon = "tasks"
        label = "Votez pour une thématique"

    def section_context(self, value, context):
        snapshot = context.get("issue_snapshot")
        vote = snapshot.get("vote") if snapshot is not None else vote_snapshot()
        if not vote or not vote.get("tallies"):
            return None
        return {"vote": vote, "tallies": vote["tallies"][: value["shown"]]}

    def render_as(self, value, mode, context=None):
        # The vote closed between assembly and sending: news of its projet partagé
        # rather than an empty section.
        return super().render_as(value, mode, context) or vote_fallback(mode, dict(context or {}))


class AgendaBlock(PageListBlock):
    section = "agenda"
    pages_field = "events"
    title, events, link_label = _page_list_children(
        title="À vos agendas !",
        page_type="events.EventPage",
        item="Événement",
        items="Événements",
        link_label="Plus d'informations",
    )

    class Meta:
        icon = "date"
        label = "À vos agendas !"
