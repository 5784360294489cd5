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
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from django.utils.translation import get_language

from stories.core.counters import increment_on_commit, keep, once, recall, remembered
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


# People's and principles' names: what an export prints beside the stories' own columns.
_NAMES_KEY = "names-gen"


def names_changed() -> None:
    """A person or a principle was renamed: exports kept with the old names are old."""
    increment_on_commit(_NAMES_KEY)


def _named_slot(team_id: int, name: str, months: Sequence[dt.date]) -> tuple[str, list[str]]:
    """A slot for what prints names beside the counts of a run of months: kept per language,
    and until a principle or a person is renamed. Named by its first and last month only: 38
    months' names would make a key longer than a cache key should be."""
    _each_month_key, counters = _month_slot(team_id, name, months)
    span = f"{months[0]:%Y-%m}..{months[-1]:%Y-%m}"
    return ":".join([FIGURES, str(team_id), name, span, get_language()]), [*counters, _NAMES_KEY]


def named_month_figure(team_id: int, name: str, *months: dt.date, compute: Callable[[], T]) -> T:
    """month_figure() for a figure that names principles or people (the heatmap's rows, the
    trends), over a run of consecutive months."""
    return remembered(*_named_slot(team_id, name, months), compute, FIGURES_TIMEOUT)


def month_export(team_id: int, name: str, month: dt.date) -> tuple[str, list[str]]:
    """An export's key and counters: its month's stories, and everyone's names."""
    return _named_slot(team_id, name, [month])


def teams_stories_figure(
    team_ids: Sequence[int], name: str, *args: Any, compute: Callable[[], T], timeout: int
) -> T:
    """compute()'s value over these teams' stories of every month and status (a search's
    ranking), kept until a story of any of them changes, or a principle's name (searched too)."""
    key = ":".join([FIGURES, name, *(str(arg) for arg in args)])
    counters = [*(_team_key(team_id) for team_id in team_ids), _NAMES_KEY]
    return remembered(key, counters, compute, timeout)


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

    def count_months(missing: list[dt.date]) -> list[list[R]]:
        counted: dict[dt.date, list[R]] = {month: [] for month in missing}
        for row in count(min(missing), month_after(max(missing))):
            counted.setdefault(month_of(row), []).append(row)
        return [counted[month] for month in missing]

    def rows() -> list[R]:
        return [row for kept in _each_kept(slots, months, count_months) for row in kept]

    every_month_kept, kept = _all_kept(recall(slots))
    if every_month_kept:
        return kept
    # Whoever counts a team's missing months of this figure counts them for everyone.
    return once(":".join([FIGURES, str(team_id), name, "months"]), rows, lambda: _all_kept(recall(slots)))


def _all_kept(recalled: list[tuple[Any, bool, Any]]) -> tuple[bool, list[Any]]:
    """Whether every month was kept, and then their rows in order."""
    if not all(hit for _stamp, hit, _rows in recalled):
        return False, []
    return True, [row for _stamp, _hit, kept in recalled for row in kept]


def each_team_month(
    team_ids: Sequence[int], name: str, month: dt.date, count: Callable[[list[int]], dict[int, T]], empty: T
) -> dict[int, T]:
    """count(ids)[id] for each team's month (`empty` for a team it leaves out), each team's
    value kept on its own: a story that moves in one team counts that team's month again, not
    every team's (0.3 s for the hundred teams at 1M stories)."""
    ids = sorted(set(team_ids))
    slots = [_month_slot(pk, name, [month]) for pk in ids]

    def count_teams(missing: list[int]) -> list[T]:
        counted = count(missing)
        return [counted.get(pk, empty) for pk in missing]

    return dict(zip(ids, _each_kept(slots, ids, count_teams), strict=True))


def _each_kept(
    slots: Sequence[tuple[str, list[str]]], items: Sequence[Any], count: Callable[[list[Any]], list[T]]
) -> list[T]:
    """Each slot's kept value; those missing are count(their items), in one call, and kept."""
    recalled = recall(slots)
    values = [value for _stamp, _hit, value in recalled]
    missing = [i for i, (_stamp, hit, _value) in enumerate(recalled) if not hit]
    if missing:
        for i, value in zip(missing, count([items[i] for i in missing]), strict=True):
            values[i] = value
        keep({slots[i][0]: (recalled[i][0], values[i]) for i in missing}, FIGURES_TIMEOUT)
    return values
