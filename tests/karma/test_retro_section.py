"""stories.karma.figures.month_section and its template: the retro's karma part."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from stories.karma import figures as karma
from stories.models import SequelLink, SequelOutcome, Status
from tests.factories import SequelLinkFactory, StoryFactory

pytestmark = pytest.mark.django_db

JUNE = dt.date(2025, 6, 1)


def _link_at(moment: dt.datetime, **fields) -> SequelLink:
    with time_machine.travel(moment, tick=False):
        return SequelLinkFactory(**fields)


def test_it_lists_the_sequels_logged_in_the_month_in_the_team_zone(team, member, story_ago, frozen):
    original = story_ago(100, title="Spare tyre lent", went_beyond=True, cost_note="A tyre")
    # 23:30 UTC on 31 May is already 1 June in London (BST).
    in_june = _link_at(
        dt.datetime(2025, 5, 31, 23, 30, tzinfo=dt.UTC),
        original=original,
        sequel=story_ago(40, title="Whole family bought tyres"),
        outcome=SequelOutcome.BIGGER_ORDER,
    )
    _link_at(dt.datetime(2025, 5, 31, 22, 30, tzinfo=dt.UTC), original=original, sequel=story_ago(50))
    _link_at(
        dt.datetime(2025, 7, 1, 0, 30, tzinfo=dt.UTC), original=original, sequel=story_ago(30)
    )  # July in London
    _link_at(
        dt.datetime(2025, 6, 10, tzinfo=dt.UTC),
        original=original,
        sequel=story_ago(20, status=Status.PENDING),
    )

    section = karma.month_section(team, JUNE)

    assert [row["sequel_id"] for row in section["sequels"]] == [in_june.sequel_id]
    row = section["sequels"][0]
    assert (row["original_title"], row["cost_note"], row["days"], row["outcome_label"], row["positive"]) == (
        "Spare tyre lent",
        "A tyre",
        60,
        "Bigger order",
        True,
    )


def test_it_gives_the_rate_at_the_end_of_the_month_and_the_three_before(team, story_ago, frozen):
    hit = story_ago(250, went_beyond=True)  # 11 Oct 2024
    SequelLinkFactory(original=hit, sequel=story_ago(100))  # 10 Mar 2025, 150 days on: a hit from March
    story_ago(241, went_beyond=True)  # 20 Oct 2024: its window closes on 18 Apr 2025, a miss

    section = karma.month_section(team, JUNE)

    months = [(r["month"], r["hits"], r["resolved"], r["percent"]) for r in section["earlier_rates"]]
    assert months == [("2025-03", 1, 1, 100), ("2025-04", 1, 2, 50), ("2025-05", 1, 2, 50)]
    assert (section["rate"]["month"], section["rate"]["percent"]) == ("2025-06", 50)


def test_it_is_plain_json_and_costs_two_queries(team, story_ago, frozen):
    for i in range(5):
        _link_at(dt.datetime(2025, 6, 2 + i, tzinfo=dt.UTC), original=story_ago(90), sequel=story_ago(20))
    with CaptureQueriesContext(connection) as captured:
        section = karma.month_section(team, JUNE)

    assert len(captured) == 2
    assert json.loads(json.dumps(section)) == section


def test_it_renders_the_chain_and_the_rates(team, member, story_ago, frozen):
    original = story_ago(100, title="Spare tyre lent", went_beyond=True)
    _link_at(
        dt.datetime(2025, 6, 3, tzinfo=dt.UTC), original=original, sequel=story_ago(40, title="Tyres for all")
    )
    request = RequestFactory().get("/")
    request.user = member

    html = render_to_string(
        "karma/_retro_section.html",
        {"karma": karma.month_section(team, JUNE), "team": team},
        request=request,
    )

    assert "Spare tyre lent" in html
    assert "Tyres for all" in html
    assert "2025-03" in html and "2025-06" in html
    assert "/teams/front-desk/karma/" in html


def test_it_says_so_when_nothing_was_logged(team, frozen):
    StoryFactory(team=team)
    html = render_to_string(
        "karma/_retro_section.html", {"karma": karma.month_section(team, JUNE), "team": team}
    )

    assert "No sequels were logged this month." in html
