from django import template

from events import dates

register = template.Library()


@register.filter
def month_label(day) -> str:
    """« Novembre 2026 »."""
    return dates.month_label(day) if day else ""


@register.filter
def field_label(form, name: str) -> str:
    """The label of one of ``form``'s fields, by name."""
    field = form.fields.get(name)
    return str(field.label) if field and field.label else name


@register.filter
def plural_fr(count) -> str:
    """« s » from two on: in French, 0 and 1 take the singular."""
    try:
        return "s" if abs(int(count)) >= 2 else ""
    except (TypeError, ValueError):
        return ""


@register.filter
def occurrence_url(event, occurrence) -> str:
    """The page of one date of ``event``: its own for a date of a series."""
    return event.occurrence_url(occurrence) if event else ""
