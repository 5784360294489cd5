"""Karma figures (scaffold; the karma work replaces this module)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from stories.models import Team


def month_section(team: Team, month_start: dt.date) -> dict[str, Any]:
    """The retro's karma section for the month starting at month_start."""
    return {}
