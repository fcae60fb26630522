"""What every section of an issue shares: three renderings of the same content.

A section is shown on the web (the archive page, DSFR markup), in the HTML
e-mail (tables, styles inlined later) and in the plain-text e-mail. Each has its
own template, ``newsletter/blocks/<mode>/<section>.html`` (``.txt`` for text), fed
the same context, so the three cannot drift apart in content.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail import blocks

WEB, EMAIL, TEXT = "web", "email", "text"
MODES = (WEB, EMAIL, TEXT)


class SectionBlock(blocks.StructBlock):
    """Base of the newsletter's blocks; ``section`` names the templates."""

    section = ""

    def section_context(self, value, context: dict) -> dict | None:
        """Data the templates need beyond the value; None when there is nothing to show
        (a page since unpublished, a vote closed…), and the section is then left out."""
        return {}

    def render_as(self, value, mode: str, context=None) -> str:
        parent = dict(context or {})
        extra = self.section_context(value, parent)
        if extra is None:
            return ""
        suffix = "txt" if mode == TEXT else "html"
        template = f"newsletter/blocks/{mode}/{self.section}.{suffix}"
        rendered = render_to_string(
            template, {**parent, "self": value, "value": value, "mode": mode, **extra}
        )
        return rendered if mode == TEXT else mark_safe(rendered)  # noqa: S308 — our template

    def render(self, value, context=None):
        # What {% include_block %} calls: the web page.
        return self.render_as(value, WEB, context)


def live_pages(pages) -> list:
    """The chosen pages still published, in the editor's order, as their specific type."""
    return [page.specific for page in pages if page is not None and page.live]
