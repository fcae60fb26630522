"""Event dates read the way the newsletter writes them, in Paris time."""

import datetime

import pytest

from events import dates
from tests.events.factories import paris

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("start", "end", "all_day", "expected"),
    [
        (paris(2022, 10, 24), paris(2022, 10, 26), True, "Du 24 au 26 octobre 2022"),
        (paris(2022, 10, 30), paris(2022, 11, 2), True, "Du 30 octobre au 2 novembre 2022"),
        (paris(2022, 12, 30), paris(2023, 1, 2), True, "Du 30 décembre 2022 au 2 janvier 2023"),
        (paris(2026, 12, 1), paris(2026, 12, 1), True, "Le 1er décembre 2026"),
        (
            paris(2026, 12, 3, 14),
            paris(2026, 12, 3, 16),
            False,
            "Le 3 décembre 2026, de 14 h à 16 h",
        ),
        (
            paris(2022, 9, 27, 18, 30),
            paris(2022, 9, 27, 20, 30),
            False,
            "Le 27 septembre 2022, de 18 h 30 à 20 h 30",
        ),
        (paris(2026, 12, 3, 9, 5), None, False, "Le 3 décembre 2026 à 9 h 05"),
        (
            paris(2026, 12, 3, 14),
            paris(2026, 12, 5, 12),
            False,
            "Du 3 décembre 2026 à 14 h au 5 décembre 2026 à 12 h",
        ),
    ],
)
def test_french_date_labels(start, end, all_day, expected):
    assert dates.event_dates_label(start, end, all_day=all_day) == expected


def test_times_are_said_in_paris_time_whatever_the_zone_they_come_in():
    start = datetime.datetime(2026, 12, 3, 13, 0, tzinfo=UTC)  # 14 h in Paris (winter)
    end = datetime.datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    assert dates.event_dates_label(start, end, all_day=False) == (
        "Le 3 décembre 2026, de 14 h à 16 h"
    )
    summer = datetime.datetime(2026, 7, 3, 12, 0, tzinfo=UTC)  # 14 h in Paris (summer)
    assert dates.time_label(summer) == "14 h"


def test_late_evening_utc_is_the_next_day_in_paris():
    moment = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January
    assert dates.local_date(moment) == datetime.date(2027, 1, 1)
    assert dates.month_label(dates.local_date(moment)) == "Janvier 2027"


def test_month_bounds_are_paris_midnights():
    first, following = dates.month_bounds(2026, 12)
    assert first == datetime.datetime(2026, 11, 30, 23, 0, tzinfo=UTC)
    assert following == datetime.datetime(2026, 12, 31, 23, 0, tzinfo=UTC)
    summer_first, _ = dates.month_bounds(2026, 7)
    assert summer_first == datetime.datetime(2026, 6, 30, 22, 0, tzinfo=UTC)
