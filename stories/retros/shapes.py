"""The shapes of the retro's figures: what `figures.month_figures()` returns and a closed retro
freezes in `Retro.snapshot`. JSON goes in and out of the database, so these are TypedDicts."""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

# The headline figures, in the order the retro shows them.
HEADLINE_KEYS = ("total", "good", "bad", "gave", "received", "went_beyond")


class Change(TypedDict):
    now: int
    prev: int
    delta: int


class HeatmapRow(TypedDict):
    principle: str  # the principle's slug
    name: str
    honoured: int | None  # None: folded for privacy
    broken: int | None
    honoured_series: list[int | None]  # the last SPARKLINE_MONTHS months, oldest first
    broken_series: list[int | None]


class Heatmap(TypedDict):
    months: list[str]  # "YYYY-MM"
    rows: list[HeatmapRow]
    other: dict[str, int]  # {"honoured": n, "broken": n}: what was folded this month
    folded: int


class ChannelRow(TypedDict):
    channel: str
    count: int | None


class Channels(TypedDict):
    rows: list[ChannelRow]
    other: int
    folded: int


class HighlightVote(TypedDict):
    story: int
    votes: int


class MonthFigures(TypedDict):
    version: int
    month: str
    headline: dict[str, Any]  # HEADLINE_KEYS -> Change, and "named_contributors" -> int
    heatmap: Heatmap
    channels: Channels
    highlights: list[HighlightVote]


class Snapshot(TypedDict):
    version: NotRequired[int]  # absent in snapshots frozen before it was written: see read_snapshot
    frozen_at: str
    figures: MonthFigures
    karma: NotRequired[dict[str, Any]]  # absent in snapshots frozen before karma was kept
