"""Dates as French typography writes them: « 1er février 2027 », never « 1 février »."""

import datetime

from django.utils import dateformat, timezone


def date_fr(value, fmt: str = "j F Y") -> str:
    """``value`` formatted with Django's ``fmt``, the first day of a month written
    « 1er ». Accepts a date or a datetime (shown in the current time zone)."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = dateformat.format(value, fmt)
    if value.day == 1 and "j" in fmt:
        # Only the day number: « 1 » at a word boundary, followed by the month's name.
        text = _first_day(text, value, fmt)
    return text


def _first_day(text: str, value, fmt: str) -> str:
    day_alone = dateformat.format(value, "j")
    month = dateformat.format(value, "F")
    return text.replace(f"{day_alone} {month}", f"1er {month}", 1)
