"""French formatting filters for templates: ``{{ event.start|date_fr }}``."""

from django import template

from core.dates import date_fr as format_date_fr
from core.signed_links import days_label, link_validity_days

register = template.Library()


@register.filter
def date_fr(value, fmt: str = "j F Y") -> str:
    """Like ``|date``, with « 1er » for the first day of the month."""
    return format_date_fr(value, fmt)


@register.simple_tag
def link_validity(name: str) -> str:
    """``{% link_validity "password_reset" %}`` → « 3 jours »: one source for each period."""
    return days_label(link_validity_days()[name])
