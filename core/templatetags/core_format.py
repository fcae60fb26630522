"""French formatting filters for templates: ``{{ event.start|date_fr }}``."""

from django import template

from core.dates import date_fr as format_date_fr

register = template.Library()


@register.filter
def date_fr(value, fmt: str = "j F Y") -> str:
    """Like ``|date``, with « 1er » for the first day of the month."""
    return format_date_fr(value, fmt)
