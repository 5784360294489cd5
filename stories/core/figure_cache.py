"""A team's figures served from the shared cache, kept right by one generation counter per team.

Every event that changes which published stories a figure counts (publish, approve, hide,
restore, redact, withdraw, an edit or retag, a deletion in the admin) bumps the team's
generation through `figures_changed`; a cached figure is read back only under the generation
it was computed under, so a moderation decision is never answered with the figures from
before it. The figures of past months change only through those events, so they are served
from the cache for hours; the current month's are recomputed after each new story.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from stories.core.counters import increment_on_commit, remembered

T = TypeVar("T")

FIGURES_TIMEOUT = 6 * 60 * 60


def _generation_key(team_id: int) -> str:
    return f"figures-gen:{team_id}"


def figures_changed(*team_ids: int) -> None:
    """The stories counted in these teams' figures changed: every cached figure of theirs is old."""
    increment_on_commit(*(_generation_key(team_id) for team_id in set(team_ids)))


def team_figure(team_id: int, name: str, *args: Any, compute: Callable[[], T]) -> T:
    """compute()'s value (JSON-like rows: no model instances), cached for this team's generation."""
    key = ":".join(["figures", str(team_id), name, *(str(arg) for arg in args)])
    return remembered(key, [_generation_key(team_id)], compute, FIGURES_TIMEOUT)


def teams_figure(team_ids: Sequence[int], name: str, *args: Any, compute: Callable[[], T]) -> T:
    """compute()'s value over several teams, cached until any of their generations moves."""
    ids = sorted(set(team_ids))
    # The teams by digest: a hundred ids would pass the 250 characters a portable key may have.
    teams = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]
    key = ":".join(["figures", "teams", name, *(str(arg) for arg in args), teams])
    return remembered(key, [_generation_key(pk) for pk in ids], compute, FIGURES_TIMEOUT)
