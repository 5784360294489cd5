"""Fixtures for the retro tests: a month with stories by enough people to clear the privacy floor."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from stories.core.months import add_months, current_month
from tests.factories import MembershipFactory, StoryFactory, UserFactory


@pytest.fixture
def this_month(team: Any) -> dt.date:
    return current_month(team)


@pytest.fixture
def last_month(team: Any) -> dt.date:
    return add_months(current_month(team), -1)


@pytest.fixture
def colleagues(team: Any) -> list[Any]:
    """Three more members, so breakdowns rest on enough people to be shown."""
    people = []
    for name in ("ana", "ben", "cat"):
        user = UserFactory(username=name, first_name=name.title())
        MembershipFactory(user=user, team=team)
        people.append(user)
    return people


@pytest.fixture
def month_stories(team: Any, colleagues: list[Any], last_month: dt.date) -> list[Any]:
    """Last month: 4 good (3 people, empathy honoured, by phone) and 2 bad, one anonymous."""
    stories = [
        StoryFactory(
            team=team,
            author=author,
            happened_on=last_month + dt.timedelta(days=day),
            channel="phone",
            tags=[("empathy", "honoured")],
        )
        for day, author in enumerate([*colleagues, colleagues[0]])
    ]
    stories.append(
        StoryFactory(
            team=team,
            author=colleagues[1],
            kind="bad",
            perspective="received",
            happened_on=last_month + dt.timedelta(days=5),
            tags=[("make-it-right", "broken")],
        )
    )
    stories.append(
        StoryFactory(
            team=team,
            author=colleagues[2],
            kind="bad",
            anonymous=True,
            title='=HYPERLINK("http://evil")',
            happened_on=last_month + dt.timedelta(days=6),
            tags=[("make-it-right", "broken")],
        )
    )
    return stories
