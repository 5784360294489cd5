"""The retro heatmap's sparkline: a principle's last twelve months in a 120x28 SVG."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html
from django.utils.safestring import SafeString

from stories.retros.charts import twin_bars


def sparkline(
    chart_id: str, label: str, honoured: Sequence[int | None], broken: Sequence[int | None]
) -> SafeString:
    """A 120x28 twin bar line: honoured rises above the middle (green), broken hangs below it (red).

    A month folded by the privacy floor gets a short grey dash on the middle line: unknown, not zero
    (`charts.twin_bars` draws them, as in the trends' small multiples).
    """
    width, height = 120, 28
    peak = max([1, *(v or 0 for v in honoured), *(v or 0 for v in broken)])
    body = twin_bars(width, height, honoured, broken, peak=peak, room=1)
    return format_html(
        '<svg class="sparkline" id="{id}" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img"'
        ' aria-label="{label}" xmlns="http://www.w3.org/2000/svg"><title>{label}</title>{body}</svg>',
        id=chart_id,
        w=width,
        h=height,
        label=label,
        body=body,
    )
