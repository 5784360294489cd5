"""Closing a retro freezes its figures in a versioned snapshot; reading one checks the version."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from stories.models import (
    Retro,
)
from stories.retros.privacy_floor import PRIVACY_FLOOR
from stories.retros.shapes import HEADLINE_KEYS, MonthFigures, Snapshot

__all__ = ["PRIVACY_FLOOR"]

SNAPSHOT_VERSION = 1


def read_snapshot(retro: Retro | None) -> Snapshot | None:
    """A closed retro's snapshot if this code reads its version (version 1 kept it inside its
    figures only), else None: the page shows live figures rather than misread an unknown shape."""
    if retro is None or not retro.is_closed or not retro.snapshot:
        return None
    figures = retro.snapshot.get("figures")
    version = retro.snapshot.get("version", figures.get("version") if isinstance(figures, dict) else None)
    return retro.snapshot if version == SNAPSHOT_VERSION else None  # type: ignore[return-value]


def snapshot_of(figures: MonthFigures, karma: dict[str, Any] | None = None) -> Snapshot:
    """What a closing retro freezes: its figures and, when given, its karma section.

    Snapshots frozen before the karma section was kept have no "karma" key; their pages
    show the live karma section instead.
    """
    snapshot: Snapshot = {
        "version": SNAPSHOT_VERSION,
        "frozen_at": timezone.now().isoformat(),
        "figures": figures,
    }
    if karma is not None:
        snapshot["karma"] = karma
    return snapshot


def _fingerprint(figures: MonthFigures) -> tuple[Any, ...]:
    """The numbers a reader compares; names and labels may change without changing history."""
    return (
        tuple(figures["headline"][key]["now"] for key in HEADLINE_KEYS),
        tuple((row["principle"], row["honoured"], row["broken"]) for row in figures["heatmap"]["rows"]),
        # Keys by name: PostgreSQL's jsonb does not keep a stored dict's key order.
        (figures["heatmap"]["other"]["honoured"], figures["heatmap"]["other"]["broken"]),
        tuple((row["channel"], row["count"]) for row in figures["channels"]["rows"]),
        figures["channels"]["other"],
        tuple((row["story"], row["votes"]) for row in figures["highlights"]),
    )


def figures_differ(frozen: MonthFigures, live: MonthFigures) -> bool:
    return _fingerprint(frozen) != _fingerprint(live)
