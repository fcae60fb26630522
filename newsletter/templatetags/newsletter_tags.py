from django import template

from ..text import absolute as absolute_url
from ..text import html_to_text

register = template.Library()


@register.simple_tag(takes_context=True)
def newsletter_section(context, block, mode):
    """One section of an issue in ``mode`` (web, email or text)."""
    return block.block.render_as(block.value, mode, context.flatten())


@register.filter
def absolute(url):
    return absolute_url(str(url or ""))


@register.filter
def as_text(html):
    """Rich text (or any HTML) as plain text with its links written out."""
    return html_to_text(str(html or "")).strip()
