"""Event dates as the French reader expects them, always in Paris time.

« Du 24 au 26 octobre 2022 », « Le 3 décembre 2026, de 14 h à 16 h »: the
agenda, the event page, the calendar descriptions and the newsletter say dates
the same way, whatever the server's or the visitor's time zone.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field
from itertools import groupby

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
END_OF_DAY = datetime.time(23, 59, 59)

# The site is in French only; these never depend on the active language
# (e-mails and calendar feeds are built outside any request).
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(PARIS)


def local_date(moment: datetime.datetime) -> datetime.date:
    return local(moment).date()


# Events are dated from 2000 and at most five years ahead: a typo (« 20266 ») or a
# year 9999 is refused rather than published, listed after everything else, or made
# to overflow a time-zone conversion.
FIRST_YEAR = 2000
YEARS_AHEAD = 5


def year_problem(day: datetime.date, *, today: datetime.date, which: str) -> str:
    """« Indiquez une date de fin entre 2000 et 2031. » when ``day`` (a date or a
    datetime) is out of range, else ''. ``which`` is « de début » or « de fin »."""
    last = today.year + YEARS_AHEAD
    if FIRST_YEAR <= day.year <= last:
        return ""
    return f"Indiquez une date {which} entre {FIRST_YEAR} et {last}."


def paris_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The first instant of the month and of the next one, in Paris."""
    first = datetime.date(year, month, 1)
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (
        paris_datetime(first, datetime.time.min),
        paris_datetime(following, datetime.time.min),
    )


def month_label(day: datetime.date) -> str:
    """« Novembre 2026 »."""
    return f"{MONTHS[day.month - 1].capitalize()} {day.year}"


def day_number(day: datetime.date) -> str:
    return "1er" if day.day == 1 else str(day.day)


def day_label(day: datetime.date, *, with_month: bool = True, with_year: bool = True) -> str:
    """« 1er décembre 2026 », « 24 octobre », « 24 »."""
    parts = [day_number(day)]
    if with_month:
        parts.append(MONTHS[day.month - 1])
    if with_year:
        parts.append(str(day.year))
    return " ".join(parts)


def time_label(moment: datetime.datetime) -> str:
    """« 14 h », « 9 h 30 »."""
    moment = local(moment)
    if moment.minute:
        return f"{moment.hour} h {moment.minute:02d}"
    return f"{moment.hour} h"


def days_range_label(first: datetime.date, last: datetime.date) -> str:
    """« Le 3 décembre 2026 », « Du 24 au 26 octobre 2022 », « Du 30 octobre au
    2 novembre 2022 », « Du 30 décembre 2022 au 2 janvier 2023 »."""
    if first == last:
        return "Le %(day)s" % {"day": day_label(first)}
    same_year = first.year == last.year
    same_month = same_year and first.month == last.month
    return "Du %(first)s au %(last)s" % {
        "first": day_label(first, with_month=not same_month, with_year=not same_year),
        "last": day_label(last),
    }


def event_dates_label(
    start: datetime.datetime, end: datetime.datetime | None, *, all_day: bool
) -> str:
    end = end or start
    first, last = local_date(start), local_date(end)
    if all_day:
        return days_range_label(first, last)
    if first != last:
        return "Du %(first)s à %(start)s au %(last)s à %(end)s" % {
            "first": day_label(first),
            "start": time_label(start),
            "last": day_label(last),
            "end": time_label(end),
        }
    if end == start:
        return "Le %(day)s à %(start)s" % {"day": day_label(first), "start": time_label(start)}
    return "Le %(day)s, de %(start)s à %(end)s" % {
        "day": day_label(first),
        "start": time_label(start),
        "end": time_label(end),
    }


@dataclass
class MonthGroup:
    """The events of one month under its heading (« Novembre 2026 »)."""

    month: datetime.date
    events: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return month_label(self.month)

    @property
    def anchor(self) -> str:
        return f"mois-{self.month:%Y-%m}"


def group_by_month(events) -> list[MonthGroup]:
    """Consecutive events under the Paris month of their start, order kept."""
    return [
        MonthGroup(month=month, events=list(items))
        for month, items in groupby(events, key=lambda event: event.first_day.replace(day=1))
    ]
