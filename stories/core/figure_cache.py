"""Teams' figures served from the shared cache, kept right by generation counters.

Every event that changes which published stories a figure counts (publish, approve, hide,
restore, redact, withdraw, an edit or retag, a deletion in the admin) bumps generations
through `figures_changed`; a cached figure is read back only under the generations it was
computed under, so a moderation decision is never answered with the figures from before it.

Two kinds of figure, two kinds of generation:

* a month's figures (`month_figure`) are kept per team and month: a new story in December
  leaves every earlier month's figures cached, so the retro of a closed month, a quarter or
  36 months of trends recompute only the month that moved (at 1M stories a big team's
  12-month heatmap took seconds to compute again after every new story);
* figures over a team's whole history (`team_figure`: the karma rate, the principles that pay
  back) are kept per team, and every change of the team's stories bumps them.

An admin edit may move a story to another month or team: it bumps every month of both teams.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from stories.core.counters import increment_on_commit, keep, recall, remembered
from stories.core.months import month_after

T = TypeVar("T")
R = TypeVar("R")

FIGURES_TIMEOUT = 6 * 60 * 60
# In every figure's key: raise the number when a figure's shape changes, so app servers of a
# new release never read rows an older one kept in the shared cache (nor the other way round).
FIGURES = "figures-v2"


def _team_key(team_id: int) -> str:
    return f"figures-gen:{team_id}"


def _every_month_key(team_id: int) -> str:
    return f"figures-gen:{team_id}:every-month"


def _month_key(team_id: int, month: dt.date) -> str:
    return f"figures-gen:{team_id}:{month:%Y-%m}"


def figures_changed(*team_ids: int, months: Iterable[dt.date] | None = None) -> None:
    """Stories counted in these teams' figures changed: their cached figures are old.

    `months`: the days (or months) of the stories that changed; only those months' figures
    are old. None when any month may be (an admin edit can change a story's date); an empty
    list when no month's figures count what changed (a karma link, "nothing came of it").
    """
    keys = []
    for team_id in set(team_ids):
        keys.append(_team_key(team_id))
        if months is None:
            keys.append(_every_month_key(team_id))
        else:
            keys += sorted({_month_key(team_id, month) for month in months})
    increment_on_commit(*keys)


def team_figure(team_id: int, name: str, *args: Any, compute: Callable[[], T]) -> T:
    """compute()'s value over the team's whole history (JSON-like rows: no model instances)."""
    key = ":".join([FIGURES, str(team_id), name, *(str(arg) for arg in args)])
    return remembered(key, [_team_key(team_id)], compute, FIGURES_TIMEOUT)


def _month_slot(team_id: int, name: str, months: Sequence[dt.date]) -> tuple[str, list[str]]:
    """A monthly figure's key, and the counters it is kept under: its months' and its team's every-month one."""
    key = ":".join([FIGURES, str(team_id), name, *(f"{month:%Y-%m}" for month in months)])
    return key, [_every_month_key(team_id), *(_month_key(team_id, month) for month in months)]


def month_figure(team_id: int, name: str, *months: dt.date, compute: Callable[[], T]) -> T:
    """compute()'s value, counting only stories of the given months, kept until one of them moves."""
    return remembered(*_month_slot(team_id, name, months), compute, FIGURES_TIMEOUT)


def month_by_month(
    team_id: int,
    name: str,
    months: Sequence[dt.date],
    count: Callable[[dt.date, dt.date], list[R]],
    month_of: Callable[[R], dt.date],
) -> list[R]:
    """The rows count(first, end) gives for `months`, each month cached on its own.

    The months are read from the cache at once; those missing are counted in one call over
    the span they cover, and kept month by month (an empty month too).
    """
    slots = [_month_slot(team_id, name, [month]) for month in months]
    recalled = recall(slots)
    missing = [month for month, (_stamp, hit, _rows) in zip(months, recalled, strict=True) if not hit]
    counted: dict[dt.date, list[R]] = {month: [] for month in missing}
    if missing:
        for row in count(min(missing), month_after(max(missing))):
            counted.setdefault(month_of(row), []).append(row)
    fresh = {}
    rows: list[R] = []
    for month, (key, _counters), (stamp, hit, kept) in zip(months, slots, recalled, strict=True):
        if not hit:
            kept = counted[month]
            fresh[key] = (stamp, kept)
        rows += kept
    keep(fresh, FIGURES_TIMEOUT)
    return rows


def teams_month_figure(team_ids: Sequence[int], name: str, month: dt.date, compute: Callable[[], T]) -> T:
    """compute()'s value over several teams' month, kept until that month moves in any of them."""
    ids = sorted(set(team_ids))
    # The teams by digest: a hundred ids would pass the 250 characters a portable key may have.
    teams = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]
    key = ":".join([FIGURES, "teams", name, f"{month:%Y-%m}", teams])
    counters = [counter for pk in ids for counter in (_every_month_key(pk), _month_key(pk, month))]
    return remembered(key, counters, compute, FIGURES_TIMEOUT)
