"""Sections the editors write: édito, free text, links, calls to act, partners' news."""

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from wagtail import blocks

from core.public_urls import public_url

from .base import SectionBlock, live_pages

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class EditoBlock(SectionBlock):
    section = "edito"
    title = blocks.CharBlock(label="Titre", max_length=200, default="Édito")
    text = blocks.RichTextBlock(label="Texte", features=TEXT_FEATURES)
    signature = blocks.CharBlock(
        label="Signature",
        required=False,
        max_length=200,
        default="L'équipe de Territoires en Commun",
    )

    class Meta:
        icon = "edit"
        label = "Édito"


class TextSectionBlock(SectionBlock):
    section = "text"
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)
    text = blocks.RichTextBlock(label="Texte", features=TEXT_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = "Texte libre"


class PageLinkBlock(SectionBlock):
    """Any page of the site put forward: a project partagé, a news page, a vote…"""

    section = "page_link"
    page = blocks.PageChooserBlock(label="Page du site")
    title = blocks.CharBlock(
        label="Titre",
        required=False,
        max_length=200,
        help_text="Laisser vide pour reprendre le titre de la page.",
    )
    text = blocks.TextBlock(label="Texte", required=False)
    link_label = blocks.CharBlock(label="Libellé du lien", max_length=80, default="En savoir plus")

    class Meta:
        icon = "link"
        label = "Lien vers une page"

    def section_context(self, value, context):
        [page] = live_pages([value["page"]]) or [None]
        if page is None:
            return None
        summary = page.search_description or getattr(page, "intro", "") or ""
        if not isinstance(summary, str):
            summary = ""
        return {
            "page": page,
            "title": value["title"] or page.title,
            "text": value["text"] or summary,
        }


class LinkOrEmailBlock(blocks.CharBlock):
    """A web address, a path on this site (« /contribuer/ », made absolute on
    ``SITE_URL`` when rendered: an e-mail has no base URL) or an e-mail address
    (« Envoyez vos ressources à … »)."""

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return value
        try:
            if "@" in value and "://" not in value and not value.startswith("/"):
                EmailValidator()(value.removeprefix("mailto:"))
            elif is_site_path(value):
                # Only the path is checked: the host is SITE_URL's, whatever it is.
                URLValidator(schemes=["https"])(f"https://example.org{value}")
            else:
                URLValidator(schemes=["http", "https"])(value)
        except ValidationError as error:
            raise ValidationError(
                "Saisissez une adresse web (https://…), une adresse de ce site commençant "
                "par « / » (par exemple /contribuer/) ou une adresse e-mail."
            ) from error
        return value


def is_site_path(link: str) -> bool:
    # « //host/… » is another site's address without its scheme, not a path here.
    return link.startswith("/") and not link.startswith("//") and "\\" not in link


def link_href(link: str) -> str:
    """Where the link leads, as an absolute address."""
    if "@" in link and "://" not in link and not link.startswith(("mailto:", "/")):
        return f"mailto:{link}"
    if is_site_path(link):
        return public_url(link)
    return link


class CallBlock(SectionBlock):
    """« Je suis une collectivité et je souhaite contribuer… », « … partager mes événements »."""

    section = "call"
    title = blocks.CharBlock(label="Titre", max_length=200)
    text = blocks.TextBlock(label="Texte", required=False)
    link = LinkOrEmailBlock(
        label="Lien ou adresse e-mail",
        required=False,
        max_length=500,
        help_text="Une adresse web (https://…), une page du site (/contribuer/) ou une "
        "adresse e-mail.",
    )
    link_label = blocks.CharBlock(label="Libellé du lien", required=False, max_length=80)

    class Meta:
        icon = "help"
        label = "Appel à contribuer"

    def section_context(self, value, context):
        link = value["link"]
        href = link_href(link) if link else ""
        return {"href": href, "link_label": value["link_label"] or href.removeprefix("mailto:")}


class NewsItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=200)
    text = blocks.TextBlock(label="Texte", required=False)
    when = blocks.CharBlock(
        label="Date et lieu",
        required=False,
        max_length=200,
        help_text="Par exemple « Mardi 27 septembre, de 18 h 30 à 20 h 30, Nantes ».",
    )
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.URLBlock(label="Ou adresse externe", required=False)
    link_label = blocks.CharBlock(label="Libellé du lien", max_length=80, default="En savoir plus")

    class Meta:
        icon = "doc-empty"
        label = "Actualité"


class PartnerNewsBlock(SectionBlock):
    section = "news"
    title = blocks.CharBlock(label="Titre", max_length=200, default="Actualités des partenaires")
    items = blocks.ListBlock(NewsItemBlock(), label="Actualités", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Actualités des partenaires"

    def section_context(self, value, context):
        items = []
        for item in value["items"]:
            page = item["page"]
            url = page.url if page is not None and page.live else item["url"]
            items.append({**item, "href": url})
        return {"items": items}
