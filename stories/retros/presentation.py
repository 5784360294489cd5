"""Turning figures into what a page shows: labels, heat shades, SVG charts."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from stories.core.months import month_before, month_label
from stories.models import Channel, Kind, Perspective, Principle
from stories.retros import charts
from stories.retros.sparkline import sparkline

if TYPE_CHECKING:
    from stories.retros.shapes import MonthFigures

HEADLINE_CARDS = (
    ("good", Kind.GOOD.label),
    ("bad", Kind.BAD.label),
    ("gave", Perspective.GAVE.label),
    ("received", Perspective.RECEIVED.label),
)


def _heat(value: int | None, peak: int) -> int:
    """A shade from 0 (none) to 4 (the month's busiest cell)."""
    if not value or not peak:
        return 0
    return max(1, math.ceil(4 * value / peak))


def present_figures(figures: MonthFigures, month: dt.date) -> dict[str, Any]:
    """Labels, shades and SVG for the figures dict, whether it is live or a frozen snapshot."""
    headline = figures["headline"]
    previous_label = month_label(month_before(month))
    cards = [
        {"key": key, "label": label, **headline[key], "previous_label": previous_label}
        for key, label in HEADLINE_CARDS
    ]
    heatmap = figures["heatmap"]
    peak = max(
        (count or 0 for row in heatmap["rows"] for count in (row["honoured"], row["broken"])), default=0
    )
    months = [dt.date.fromisoformat(f"{slug}-01") for slug in heatmap["months"]]
    month_names = [month_label(m, short=True) for m in months]
    # A frozen snapshot keeps the names in the language it was closed in: show today's reader's.
    names = Principle.objects.local_names()
    rows = []
    for row in heatmap["rows"]:
        row = {**row, "name": names.get(row["principle"], row["name"])}
        rows.append(
            {
                **row,
                "honoured_heat": _heat(row["honoured"], peak),
                "broken_heat": _heat(row["broken"], peak),
                "cells": list(zip(row["honoured_series"], row["broken_series"], strict=True)),
            }
        )
    channel_labels = dict(Channel.choices)
    channel_rows: list[dict[str, Any]] = [
        {**row, "label": channel_labels.get(row["channel"], row["channel"])}
        for row in figures["channels"]["rows"]
    ]
    return {
        "headline_cards": cards,
        "total": headline["total"],
        "went_beyond": headline["went_beyond"],
        # Snapshots frozen before anonymous authors were left out of the count have none to show.
        "named_contributors": headline.get("named_contributors"),
        "heatmap_rows": rows,
        "heatmap_other": heatmap["other"],
        "heatmap_folded": heatmap["folded"],
        "heatmap_months": month_names,
        "channel_rows": channel_rows,
        "channel_other": figures["channels"]["other"],
        "channel_folded": figures["channels"]["folded"],
    }


def draw_month_figures(presented: dict[str, Any]) -> dict[str, Any]:
    """The SVG of present_figures()' heatmap rows (a sparkline each) and channels, for the retro page."""
    rows = [
        {
            **row,
            "sparkline": sparkline(
                f"spark-{row['principle']}",
                _("%(name)s over the last 12 months: honoured above the line, broken below")
                % {"name": row["name"]},
                row["honoured_series"],
                row["broken_series"],
            ),
        }
        for row in presented["heatmap_rows"]
    ]
    channel_rows = presented["channel_rows"]
    channel_chart = charts.hbar_chart(
        "channel-chart",
        _("Stories per channel"),
        [
            (str(row["label"]), row["count"], charts.PALETTE[index % len(charts.PALETTE)])
            for index, row in enumerate(channel_rows)
        ]
        + [(_("Folded for privacy"), presented["channel_other"], charts.FOLDED)],
        description=_("The same figures are in the table below."),
    )
    return {"heatmap_rows": rows, "channel_chart": channel_chart}


def chart_labels(month_slugs: list[str]) -> list[str]:
    """Short axis labels: the month, with the year under it where the year starts or changes."""
    labels = []
    for index, slug in enumerate(month_slugs):
        month = dt.date.fromisoformat(f"{slug}-01")
        name = date_format(month, "M")
        labels.append(f"{name}\n{month.year}" if index == 0 or month.month == 1 else name)
    return labels


def principle_multiple(row: dict[str, Any], labels: list[str], peak: int) -> dict[str, Any]:
    """One principle's small multiple: a chart when it has figures to draw, else a short text.

    `state` is "chart", "folded" (every figure it has rests on too few people, so an empty
    box would pretend nothing happened) or "untagged" (nobody tagged it in the window).
    """
    values = [*row["honoured"], *row["broken"]]
    folded_months = sum(
        1
        for honoured, broken in zip(row["honoured"], row["broken"], strict=True)
        if None in (honoured, broken)
    )
    state = "chart" if any(values) else "folded" if folded_months else "untagged"
    chart = None
    if state == "chart":
        chart = charts.diverging_bars(
            f"chart-principle-{row['principle']}",
            _("%(name)s: honoured above the line, broken below, month by month") % {"name": row["name"]},
            labels,
            row["honoured"],
            row["broken"],
            peak=peak,
            up_name=_("honoured"),
            down_name=_("broken"),
            folded_name=_("folded for privacy"),
        )
    return {
        **row,
        "state": state,
        "chart": chart,
        "folded_months": folded_months,
        "cells": list(zip(row["honoured"], row["broken"], strict=True)),
    }


def present_trends(data: dict[str, Any]) -> dict[str, Any]:
    """The trends page's charts and table rows, from trend_figures()."""
    labels = chart_labels(data["months"])
    good_bad_chart = charts.bar_chart(
        "chart-good-bad",
        _("Good and bad service stories per month"),
        labels,
        [
            charts.Series(str(Kind.GOOD.label), data["good"], charts.GOOD),
            charts.Series(str(Kind.BAD.label), data["bad"], charts.BAD),
        ],
        description=_("The same figures are in the table below the chart."),
    )
    share_chart = charts.line_chart(
        "chart-good-share",
        _("Share of good service stories, rolling 3 months"),
        labels,
        [charts.Series(_("Good, rolling 3 months"), data["rolling_good_share"], charts.BRAND)],
        top=100,
        unit="%",
        description=_("The same figures are in the table below the chart."),
    )
    channel_labels = dict(Channel.choices)
    channel_series = [
        charts.Series(str(channel_labels[row["channel"]]), row["counts"], charts.PALETTE[index])
        for index, row in enumerate(data["channels"]["rows"])
    ] + [charts.Series(_("Folded for privacy"), data["channels"]["other"], charts.FOLDED)]
    channel_chart = charts.bar_chart(
        "chart-channels",
        _("Stories per channel and month"),
        labels,
        channel_series,
        stacked=True,
        description=_("The same figures are in the table below the chart."),
    )
    actions_chart = charts.bar_chart(
        "chart-actions",
        _("Action items added and done per month"),
        labels,
        [
            charts.Series(_("Added"), data["actions"]["created"], charts.BRAND),
            charts.Series(_("Done"), data["actions"]["done"], charts.GOOD),
        ],
        description=_("The same figures are in the table below the chart."),
    )
    principle_peak = max(
        (v or 0 for row in data["principles"]["rows"] for v in [*row["honoured"], *row["broken"]]), default=0
    )
    principle_rows = [principle_multiple(row, labels, principle_peak) for row in data["principles"]["rows"]]
    return {
        "rows": [
            {
                "label": label,
                "slug": slug_,
                "good": data["good"][i],
                "bad": data["bad"][i],
                "total": data["total"][i],
                "share": data["rolling_good_share"][i],
                "created": data["actions"]["created"][i],
                "done": data["actions"]["done"][i],
                "channels": [row["counts"][i] for row in data["channels"]["rows"]],
                "channel_other": data["channels"]["other"][i],
            }
            for i, (label, slug_) in enumerate(zip(data["labels"], data["months"], strict=True))
        ],
        "channel_names": [channel_labels[row["channel"]] for row in data["channels"]["rows"]],
        "principle_rows": principle_rows,
        "principle_other_cells": list(
            zip(data["principles"]["other_honoured"], data["principles"]["other_broken"], strict=True)
        ),
        "good_bad_chart": good_bad_chart,
        "share_chart": share_chart,
        "channel_chart": channel_chart,
        "actions_chart": actions_chart,
    }
