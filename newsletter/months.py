"""Months, the newsletter's unit: « 2026-12 » in commands and tasks, « décembre 2026 » in French."""

import datetime

from django.utils.formats import date_format


def month_label(month: datetime.date) -> str:
    return date_format(month, "F Y")


def parse_month(text: str) -> datetime.date:
    """« 2026-12 » → 1 December 2026; ValueError on anything else."""
    year, _sep, month = str(text).strip().partition("-")
    if not (year.isdigit() and month.isdigit() and len(year) == 4):
        raise ValueError(text)
    return datetime.date(int(year), int(month), 1)


def next_month(day: datetime.date) -> datetime.date:
    """The first day of the month after ``day``'s."""
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def last_day(month: datetime.date) -> datetime.date:
    return next_month(month) - datetime.timedelta(days=1)
