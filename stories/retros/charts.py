"""Small server-rendered SVG charts: they print, need no JavaScript and carry their own title.

Every chart is an <svg role="img"> with a <title> and <desc>; the page puts the same figures
in a data table next to it, which is what screen readers and printouts rely on. A value of
None is a cell folded away by the privacy floor: it is drawn as a gap, never as zero.
All text goes through format_html, so names typed by users cannot inject markup.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

GOOD = "#1e7b4f"
BAD = "#b23a2e"
BRAND = "#28536b"
MUTED = "#5b6776"
GRID = "#d8dee4"
# Okabe-Ito: told apart by people with the common colour-vision deficiencies.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000")
FOLDED = "#8c959f"

WIDTH = 640
HEIGHT = 240
MARGIN_LEFT = 40
MARGIN_RIGHT = 12
MARGIN_TOP = 28
MARGIN_BOTTOM = 36


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    colour: str


def _nice_max(value: float) -> tuple[float, float]:
    """A round axis maximum at or above value, and its tick step (1, 2 or 5 times a power of ten).

    The charts count stories, so steps never go below one.
    """
    if value <= 0:
        return 1.0, 1.0
    magnitude = 10 ** max(0, math.floor(math.log10(value)))
    for factor in (1, 2, 5, 10):
        step = factor * magnitude
        top = math.ceil(value / step) * step
        if top / step <= 5:
            return float(top), float(step)
    return float(value), float(value)


def _one_line(label: str) -> str:
    return label.replace("\n", " ")


def fmt(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _label(number: float) -> str:
    """A figure people read (not a coordinate): in the active language's number format."""
    rounded = round(number, 1)
    return formats.number_format(int(rounded) if rounded == int(rounded) else rounded)


def _svg(
    chart_id: str, title: str, description: str, body: SafeString, width: int, height: int
) -> SafeString:
    return format_html(
        '<svg class="chart" id="{id}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc"'
        ' xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="11">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        w=width,
        h=height,
        title=title,
        desc=description,
        body=body,
    )


def _legend(series: Sequence[Series]) -> SafeString:
    parts = []
    x = MARGIN_LEFT
    for item in series:
        parts.append(
            format_html(
                '<rect x="{}" y="6" width="10" height="10" fill="{}"/><text x="{}" y="15" fill="{}">{}</text>',
                x,
                item.colour,
                x + 14,
                MUTED,
                item.name,
            )
        )
        x += 24 + 7 * len(item.name)
    return mark_safe("".join(parts))  # noqa: S308 - every part was built by format_html


def _axes(top: float, step: float, categories: Sequence[str], unit: str) -> tuple[SafeString, float, float]:
    """Grid lines, y labels and x labels; returns them with the plot's width and height."""
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    parts = []
    ticks = round(top / step)
    for tick in range(ticks + 1):
        value = tick * step
        y = MARGIN_TOP + plot_h - plot_h * value / top
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" fill="{}">{}{}</text>',
                MARGIN_LEFT,
                WIDTH - MARGIN_RIGHT,
                fmt(y),
                fmt(y),
                GRID,
                MARGIN_LEFT - 4,
                fmt(y + 4),
                MUTED,
                _label(value),
                unit,
            )
        )
    slot = plot_w / max(len(categories), 1)
    # Label every nth month so long windows stay legible.
    every = max(1, math.ceil(len(categories) / 12))
    for position, label in enumerate(categories):
        if position % every:
            continue
        x = fmt(MARGIN_LEFT + slot * (position + 0.5))
        # A label may hold two lines ("Jan\n2026"): the year only where it changes.
        lines = format_html_join(
            "",
            '<tspan x="{}" dy="{}">{}</tspan>',
            ((x, 0 if index == 0 else 12, line) for index, line in enumerate(label.split("\n"))),
        )
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                x,
                HEIGHT - MARGIN_BOTTOM + 14,
                MUTED,
                lines,
            )
        )
    return mark_safe("".join(parts)), plot_w, plot_h  # noqa: S308 - built by format_html


def bar_chart(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    stacked: bool = False,
    description: str = "",
) -> SafeString:
    """Vertical bars per category: side by side, or stacked."""
    if stacked:
        peak = max((sum(s.values[i] or 0 for s in series) for i in range(len(categories))), default=0)
    else:
        peak = max((v or 0 for s in series for v in s.values), default=0)
    top, step = _nice_max(peak)
    axes, plot_w, plot_h = _axes(top, step, categories, "")
    slot = plot_w / max(len(categories), 1)
    bar_w = slot * 0.7 / (1 if stacked else len(series))
    parts = [axes, _legend(series)]
    for position, category in enumerate(categories):
        base = MARGIN_TOP + plot_h
        for index, item in enumerate(series):
            value = item.values[position]
            if not value:
                continue
            height = plot_h * value / top
            x = MARGIN_LEFT + slot * position + slot * 0.15 + (0 if stacked else index * bar_w)
            y = base - height
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {}</title></rect>',
                    fmt(x),
                    fmt(y),
                    fmt(bar_w),
                    fmt(height),
                    item.colour,
                    _one_line(category),
                    item.name,
                    _label(value),
                )
            )
            if stacked:
                base = y
    return _svg(chart_id, title, description, mark_safe("".join(parts)), WIDTH, HEIGHT)  # noqa: S308


def line_chart(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    top: float | None = None,
    unit: str = "",
    description: str = "",
) -> SafeString:
    """Lines over categories; None values break the line."""
    peak = top if top is not None else max((v or 0 for s in series for v in s.values), default=0)
    axis_top, step = _nice_max(peak)
    if top is not None:
        axis_top, step = float(top), float(top) / 4
    axes, plot_w, plot_h = _axes(axis_top, step, categories, unit)
    slot = plot_w / max(len(categories), 1)
    parts = [axes, _legend(series)]
    for item in series:
        points = [
            None
            if value is None
            else (MARGIN_LEFT + slot * (position + 0.5), MARGIN_TOP + plot_h - plot_h * value / axis_top)
            for position, value in enumerate(item.values)
        ]
        parts.append(_polyline_segments(points, item.colour, width=2.5, radius=3.0))
        for position, value in enumerate(item.values):
            point = points[position]
            if point is None:
                continue
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="6" fill="transparent"><title>{}: {}{}</title></circle>',
                    fmt(point[0]),
                    fmt(point[1]),
                    _one_line(categories[position]),
                    _label(value or 0),
                    unit,
                )
            )
    return _svg(chart_id, title, description, mark_safe("".join(parts)), WIDTH, HEIGHT)  # noqa: S308


def _polyline_segments(
    points: Sequence[tuple[float, float] | None], colour: str, *, width: float, radius: float
) -> SafeString:
    """Draw runs of known points as lines; a lone point between gaps as a dot."""
    parts = []
    run: list[tuple[float, float]] = []
    for point in [*points, None]:
        if point is not None:
            run.append(point)
            continue
        if len(run) == 1:
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="{}" fill="{}"/>',
                    fmt(run[0][0]),
                    fmt(run[0][1]),
                    radius,
                    colour,
                )
            )
        elif run:
            parts.append(
                format_html(
                    '<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round"/>',
                    " ".join(f"{fmt(x)},{fmt(y)}" for x, y in run),
                    colour,
                    width,
                )
            )
        run = []
    return mark_safe("".join(parts))  # noqa: S308 - built by format_html


def hbar_chart(
    chart_id: str, title: str, rows: Sequence[tuple[str, int | None, str]], *, description: str = ""
) -> SafeString:
    """Horizontal bars, one per row of (label, value, colour); folded rows (None) are left out."""
    shown = [(label, value, colour) for label, value, colour in rows if value]
    row_h, label_w, width = 24, 170, WIDTH
    height = max(row_h * len(shown) + 8, 32)
    peak = max((value for _label, value, _colour in shown), default=1)
    parts = []
    for index, (label, value, colour) in enumerate(shown):
        y = 4 + index * row_h
        bar = (width - label_w - 48) * value / peak
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" fill="{}">{}</text>',
                label_w - 6,
                y + 15,
                MUTED,
                label,
                label_w,
                y + 3,
                fmt(bar),
                row_h - 8,
                colour,
                label,
                value,
                fmt(label_w + bar + 4),
                y + 15,
                MUTED,
                value,
            )
        )
    return _svg(chart_id, title, description, mark_safe("".join(parts)), width, height)  # noqa: S308


def twin_bars(
    width: int,
    height: int,
    up: Sequence[int | None],
    down: Sequence[int | None],
    *,
    peak: int,
    room: float,
    title_of: Callable[[int, bool, int | None], str] | None = None,
) -> SafeString:
    """Bars rising above a middle line (`up`, green) and hanging below it (`down`, red), one
    pair per slot; `room` is the gap kept at either edge. A value folded by the privacy floor
    (None) is a short grey dash on the line: unknown, not zero. `title_of(slot, above, value)`
    names a bar for a pointer and a screen reader."""
    middle = height / 2
    slot = width / max(len(up), 1)
    scale = (middle - room) / max(peak, 1)
    parts: list[str] = [
        format_html('<line x1="0" x2="{}" y1="{}" y2="{}" stroke="{}"/>', width, middle, middle, GRID)
    ]
    for position, pair in enumerate(zip(up, down, strict=True)):
        for value, colour, above in ((pair[0], GOOD, True), (pair[1], BAD, False)):
            if value is None:
                top, size, fill = (middle - 2 if above else middle), 2.0, FOLDED
            elif value:
                size, fill = value * scale, colour
                top = middle - size if above else middle
            else:
                continue
            title = title_of(position, above, value) if title_of else ""
            # Numbers and our own colours need no escaping; only the title is text. (A retro
            # page draws 18 of these and trends 36 months of 18: format_html for every rect
            # was most of their time.)
            parts.append(
                f'<rect x="{fmt(slot * position + slot * 0.15)}" y="{fmt(top)}" width="{fmt(slot * 0.7)}"'
                f' height="{fmt(size)}" fill="{fill}">{format_html("<title>{}</title>", title) if title else ""}</rect>'
            )
    return mark_safe("".join(parts))  # noqa: S308 - numbers, constants and format_html's output


def diverging_bars(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    up: Sequence[int | None],
    down: Sequence[int | None],
    *,
    peak: int,
    up_name: str,
    down_name: str,
    folded_name: str = "",
) -> SafeString:
    """A small multiple: honoured above the line, broken below it, one pair of bars per month."""

    def title_of(position: int, above: bool, value: int | None) -> str:
        figure = folded_name if value is None else value
        return f"{_one_line(categories[position])}: {up_name if above else down_name} {figure}"

    body = twin_bars(240, 64, up, down, peak=peak, room=3, title_of=title_of)
    return _svg(chart_id, title, "", body, 240, 64)
