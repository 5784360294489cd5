"""Karma fixtures: a frozen "today" and a helper to write stories a number of days ago."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine

from tests.factories import StoryFactory

# Noon in London on a Wednesday: far from midnight, so "today" is the same in UTC and the team's zone.
FROZEN_NOW = dt.datetime(2025, 6, 18, 12, 0, tzinfo=dt.UTC)
TODAY = FROZEN_NOW.date()


@pytest.fixture
def frozen() -> Iterator[Any]:
    with time_machine.travel(FROZEN_NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def story_ago(team: Any, member: Any) -> Callable[..., Any]:
    """story_ago(days, **fields): a published story of the team, `days` before TODAY."""

    def make(days: int, **fields: Any) -> Any:
        fields.setdefault("author", member)
        fields.setdefault("team", team)
        return StoryFactory(happened_on=TODAY - dt.timedelta(days=days), **fields)

    return make
