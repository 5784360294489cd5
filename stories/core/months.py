"""Calendar months as their first day: the one place month arithmetic lives."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from django.utils.formats import date_format

if TYPE_CHECKING:
    from stories.teams.models import Team

# The months a URL may name. Year 1 would make "the month before" year 0, which Python's
# dates cannot hold; no team logs service stories from before 1900 anyway. The future is
# turned away by the views (the team's current month is the last one).
FIRST_YEAR = 1900
LAST_YEAR = 9998

_MONTH_SLUG = re.compile(r"^(\d{4})-(\d{2})$")


def add_months(month_start: dt.date, count: int) -> dt.date:
    index = month_start.year * 12 + month_start.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def month_after(month_start: dt.date) -> dt.date:
    return add_months(month_start, 1)


def month_before(month_start: dt.date) -> dt.date:
    return add_months(month_start, -1)


def months_from(first: dt.date, end: dt.date) -> list[dt.date]:
    """The months from `first` up to, not including, `end` (both the first day of a month)."""
    months = []
    while first < end:
        months.append(first)
        first = month_after(first)
    return months


def months_ending(last: dt.date, count: int) -> list[dt.date]:
    """The `count` months up to and including `last`, oldest first."""
    return [add_months(last, offset) for offset in range(1 - count, 1)]


def parse_month(value: str) -> dt.date | None:
    """'2025-05' -> date(2025, 5, 1); anything else, or a year outside 1900..9998 -> None."""
    match = _MONTH_SLUG.fullmatch(value) if value.isascii() else None
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and FIRST_YEAR <= year <= LAST_YEAR):
        return None
    return dt.date(year, month, 1)


def is_first_month(month_start: dt.date) -> bool:
    """No month before this one can be shown (so there is no "previous month" link)."""
    return month_start <= dt.date(FIRST_YEAR, 1, 1)


def current_month(team: Team) -> dt.date:
    return team.today().replace(day=1)


def month_label(month_start: dt.date, short: bool = False) -> str:
    return date_format(month_start, "M Y" if short else "YEAR_MONTH_FORMAT")


def month_slug(month_start: dt.date) -> str:
    """'2025-05' for URLs and exports, zero-padded whatever the year (strftime writes year 1 as '1')."""
    return f"{month_start.year:04d}-{month_start.month:02d}"


def has_ended(team: Team, month_start: dt.date) -> bool:
    """The month is over in the team's zone: its retro may be closed."""
    return month_start < current_month(team)
