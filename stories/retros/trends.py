"""Trends: a team's figures month by month over a chosen window, computed in the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Count
from django.db.models.functions import TruncMonth

from stories.core.figure_cache import month_by_month, named_month_figure
from stories.core.months import current_month, month_after, month_label, month_slug, months_ending
from stories.models import (
    ActionItem,
    Channel,
    Team,
)
from stories.retros.figures import (
    as_date,
    cell_facts,
    floored,
    month_counts,
    principle_month_rows,
    published_of,
)

TREND_MONTHS_DEFAULT = 12
TREND_MONTHS_MIN = 3
TREND_MONTHS_MAX = 36
ROLLING_WINDOW = 3


def trend_figures(team: Team, months: int) -> dict[str, Any]:
    """Month by month over the last `months` months, ending with the current one.

    What the stories give is kept as a whole under its months' counters (reading 36 months'
    cells from the cache and laying them out took half of the page's time); the action items,
    which no story counter follows, are counted each time.
    """
    window = months_ending(current_month(team), months)
    # The rolling share needs the two months before the window too.
    history = months_ending(window[-1], months + ROLLING_WINDOW - 1)
    figures = named_month_figure(
        team.pk, "trends", *history, compute=lambda: _story_trends(team, window, history)
    )
    return {**figures, "actions": _action_item_trend(team, window)}


def _story_trends(team: Team, window: list[dt.date], history: list[dt.date]) -> dict[str, Any]:
    end = month_after(window[-1])
    per_month = month_counts(team, history[0], end)

    def series(key: str, over: Iterable[dt.date]) -> list[int]:
        return [per_month.get(month, {}).get(key, 0) for month in over]

    good_all, total_all = series("good", history), series("total", history)
    rolling: list[float | None] = []
    for position in range(ROLLING_WINDOW - 1, len(history)):
        good = sum(good_all[position - ROLLING_WINDOW + 1 : position + 1])
        total = sum(total_all[position - ROLLING_WINDOW + 1 : position + 1])
        rolling.append(round(100 * good / total, 1) if total else None)

    principle_rows, other_honoured, other_broken, principle_folded = principle_month_rows(team, window)

    return {
        "months": [month_slug(month) for month in window],
        "labels": [month_label(month, short=True) for month in window],
        "good": series("good", window),
        "bad": series("bad", window),
        "total": series("total", window),
        "rolling_good_share": rolling,
        "principles": {
            "rows": principle_rows,
            "other_honoured": other_honoured,
            "other_broken": other_broken,
            "folded": principle_folded,
        },
        "channels": _channel_trend(team, window),
    }


def _channel_cells(team: Team, first: dt.date, end: dt.date) -> list[dict[str, Any]]:
    return list(
        published_of(team)
        .filter(happened_on__gte=first, happened_on__lt=end)
        .annotate(month=TruncMonth("happened_on"))
        .values("month", "channel")
        .annotate(**cell_facts())
        .order_by()
    )


def _channel_trend(team: Team, window: Sequence[dt.date]) -> dict[str, Any]:
    index = {month: position for position, month in enumerate(window)}
    counts: dict[str, list[int | None]] = {channel: [0] * len(window) for channel in Channel.values}
    other = [0] * len(window)
    folded = [0] * len(window)
    for row in month_by_month(
        team.pk,
        "channel-cells",
        window,
        lambda start, stop: _channel_cells(team, start, stop),
        lambda row: as_date(row["month"]),
    ):
        position = index[as_date(row["month"])]
        value = floored(row)
        counts[row["channel"]][position] = value
        if value is None:
            other[position] += row["count"]
            folded[position] += 1
    return {
        "rows": [{"channel": channel, "counts": counts[channel]} for channel in Channel.values],
        "other": other,
        "folded": folded,
    }


def _action_item_trend(team: Team, window: Sequence[dt.date]) -> dict[str, list[int]]:
    """Action items created and done per month; their timestamps are bucketed in the team's zone."""
    index = {month: position for position, month in enumerate(window)}
    began = dt.datetime.combine(window[0], dt.time.min, tzinfo=team.zone)
    ended = dt.datetime.combine(month_after(window[-1]), dt.time.min, tzinfo=team.zone)
    result = {"created": [0] * len(window), "done": [0] * len(window)}
    for key, field in (("created", "created_at"), ("done", "done_at")):
        for row in (
            ActionItem.objects.filter(team=team, **{f"{field}__gte": began, f"{field}__lt": ended})
            .annotate(month=TruncMonth(field, tzinfo=team.zone))
            .values("month")
            .annotate(count=Count("pk"))
            .order_by()
        ):
            result[key][index[as_date(row["month"])]] = row["count"]
    return result
