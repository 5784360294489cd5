"""Calendar months as their first day: the one place month arithmetic lives."""

import datetime as dt


def add_months(month_start: dt.date, count: int) -> dt.date:
    index = month_start.year * 12 + month_start.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def month_after(month_start: dt.date) -> dt.date:
    return add_months(month_start, 1)


def month_before(month_start: dt.date) -> dt.date:
    return add_months(month_start, -1)


def months_ending(last: dt.date, count: int) -> list[dt.date]:
    """The `count` months up to and including `last`, oldest first."""
    return [add_months(last, offset) for offset in range(1 - count, 1)]


def month_slug(month_start: dt.date) -> str:
    """'2025-05' for URLs and exports, zero-padded whatever the year (strftime writes year 1 as '1')."""
    return f"{month_start.year:04d}-{month_start.month:02d}"
