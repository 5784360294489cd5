"""The watchlist: watched stories at 30/60/90 days with no sequel, by the team's calendar."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from stories.karma import figures as karma
from stories.karma.models import close_karma, reopen_karma
from stories.models import Kind, Perspective, Status
from tests.factories import SequelLinkFactory, StoryFactory
from tests.karma.conftest import FROZEN_NOW

pytestmark = pytest.mark.django_db


def _milestones(team):
    return {story.title: story.milestone for story in karma.watchlist(team)}


def test_it_puts_stories_on_the_watchlist_at_30_60_and_90_days(team, story_ago, frozen):
    for days in (29, 30, 59, 60, 89, 90, 179, 180):
        story_ago(days, title=f"{days} days", went_beyond=True)

    assert _milestones(team) == {
        "30 days": 30,
        "59 days": 30,
        "60 days": 60,
        "89 days": 60,
        "90 days": 90,
        "179 days": 90,  # still inside the 180-day window; at 180 it is decided
    }


def test_it_lets_other_good_service_go_a_month_after_its_last_milestone(team, story_ago, frozen):
    for days in (90, 119, 120, 150):
        story_ago(days, title=f"{days} days")

    assert _milestones(team) == {"90 days": 90, "119 days": 90}


def test_it_watches_went_beyond_and_good_given_stories_only(team, story_ago, frozen):
    story_ago(40, title="good given")
    story_ago(
        40,
        title="bad received, but we went beyond",
        kind=Kind.BAD,
        perspective=Perspective.RECEIVED,
        went_beyond=True,
    )
    story_ago(40, title="good received", perspective=Perspective.RECEIVED)
    story_ago(40, title="bad given", kind=Kind.BAD)

    assert set(_milestones(team)) == {"good given", "bad received, but we went beyond"}


def test_it_drops_stories_with_a_published_sequel_closed_or_unpublished(team, member, story_ago, frozen):
    followed = story_ago(40, title="followed")
    SequelLinkFactory(original=followed, sequel=story_ago(5))
    pending_sequel = story_ago(40, title="sequel pending review")
    SequelLinkFactory(original=pending_sequel, sequel=story_ago(5, status=Status.PENDING))
    closed = story_ago(40, title="closed")
    close_karma(closed, by=member)
    story_ago(40, title="hidden", status=Status.HIDDEN)

    assert set(_milestones(team)) == {"sequel pending review"}

    reopen_karma(closed, by=member)
    assert set(_milestones(team)) == {"sequel pending review", "closed"}


def test_it_moves_a_story_up_the_milestones_as_days_pass(team, member):
    with time_machine.travel(FROZEN_NOW, tick=False) as traveller:
        StoryFactory(
            team=team, author=member, title="the parcel", happened_on=FROZEN_NOW.date(), went_beyond=True
        )
        seen = []
        for _ in range(4):
            traveller.shift(dt.timedelta(days=30))
            seen.append(_milestones(team).get("the parcel"))

    assert seen == [30, 60, 90, 90]


def test_it_counts_days_in_the_team_time_zone(team, member):
    team.time_zone = "Pacific/Auckland"
    team.save()
    # 13:00 UTC on 17 June is already 18 June in Auckland.
    with time_machine.travel(dt.datetime(2025, 6, 17, 13, 0, tzinfo=dt.UTC), tick=False):
        StoryFactory(team=team, author=member, title="kiwi", happened_on=dt.date(2025, 5, 19))

        assert _milestones(team) == {"kiwi": 30}


def test_it_does_not_watch_a_sequel_unless_it_went_beyond_again(team, story_ago, frozen):
    original = story_ago(120, title="original", went_beyond=True)
    SequelLinkFactory(original=original, sequel=story_ago(50, title="plain sequel"))
    SequelLinkFactory(original=original, sequel=story_ago(45, title="went beyond again", went_beyond=True))

    assert set(_milestones(team)) == {"went beyond again"}
