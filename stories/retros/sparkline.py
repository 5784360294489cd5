"""The retro heatmap's sparkline: a principle's last twelve months in a 120x28 SVG."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from stories.retros.charts import BAD, FOLDED, GOOD, GRID, fmt


def sparkline(
    chart_id: str, label: str, honoured: Sequence[int | None], broken: Sequence[int | None]
) -> SafeString:
    """A 120x28 twin bar line: honoured rises above the middle (green), broken hangs below it (red).

    A month folded by the privacy floor gets a short grey dash on the middle line: unknown, not zero.
    """
    width, height = 120, 28
    middle = height / 2
    slot = width / max(len(honoured), 1)
    peak = max([1, *(v or 0 for v in honoured), *(v or 0 for v in broken)])
    scale = (middle - 1) / peak
    parts = [format_html('<line x1="0" x2="{}" y1="{}" y2="{}" stroke="{}"/>', width, middle, middle, GRID)]
    for position, (up, down) in enumerate(zip(honoured, broken, strict=True)):
        x = slot * position + slot * 0.15
        for value, colour, above in ((up, GOOD, True), (down, BAD, False)):
            if value is None:
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="2" fill="{}"/>',
                        fmt(x),
                        fmt(middle - 2 if above else middle),
                        fmt(slot * 0.7),
                        FOLDED,
                    )
                )
            elif value:
                bar = value * scale
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                        fmt(x),
                        fmt(middle - bar if above else middle),
                        fmt(slot * 0.7),
                        fmt(bar),
                        colour,
                    )
                )
    return format_html(
        '<svg class="sparkline" id="{id}" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img"'
        ' aria-label="{label}" xmlns="http://www.w3.org/2000/svg"><title>{label}</title>{body}</svg>',
        id=chart_id,
        w=width,
        h=height,
        label=label,
        body=mark_safe("".join(parts)),  # noqa: S308 - built by format_html
    )
