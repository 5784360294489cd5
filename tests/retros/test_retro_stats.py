"""The figures: headline counts, heatmap, channels, privacy floor and the team's months."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from stories.core.months import add_months, current_month, months_ending, parse_month
from stories.models import Status
from stories.retros.figures import channels, headline, heatmap, month_figures, retro_index
from stories.retros.snapshots import figures_differ
from stories.retros.trends import trend_figures
from tests.factories import ActionItemFactory, RetroFactory, StoryFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_parses_only_real_months():
    assert parse_month("2025-05") == dt.date(2025, 5, 1)
    for bad in ("2025-13", "2025-00", "2025-5", "25-05", "2025-05-01", "abcd-ef", "0000-01"):
        assert parse_month(bad) is None


def test_it_counts_months_back_over_year_ends():
    assert add_months(dt.date(2025, 1, 1), -1) == dt.date(2024, 12, 1)
    assert add_months(dt.date(2025, 11, 1), 3) == dt.date(2026, 2, 1)
    assert months_ending(dt.date(2025, 2, 1), 3) == [
        dt.date(2024, 12, 1),
        dt.date(2025, 1, 1),
        dt.date(2025, 2, 1),
    ]


def test_it_counts_the_headline_with_changes_against_last_month(team, month_stories, last_month):
    StoryFactory(team=team, happened_on=add_months(last_month, -1), kind="bad")
    StoryFactory(team=team, happened_on=last_month, status=Status.HIDDEN)
    StoryFactory(team=team, happened_on=last_month, status=Status.PENDING)
    figures = headline(team, last_month)
    assert figures["total"] == {"now": 6, "prev": 1, "delta": 5}
    assert figures["good"] == {"now": 4, "prev": 0, "delta": 4}
    assert figures["bad"] == {"now": 2, "prev": 1, "delta": 1}
    assert figures["gave"]["now"] == 5 and figures["received"]["now"] == 1
    assert figures["named_contributors"] == 3


def test_it_folds_heatmap_cells_resting_on_fewer_than_three_people(team, month_stories, last_month):
    figures = heatmap(team, last_month)
    rows = {row["principle"]: row for row in figures["rows"]}
    assert rows["empathy"]["honoured"] == 4
    assert rows["make-it-right"]["broken"] is None
    assert rows["make-it-right"]["honoured"] == 0
    assert figures["other"] == {"honoured": 0, "broken": 2}
    assert figures["folded"] == 1
    assert rows["empathy"]["honoured_series"][-1] == 4 and len(rows["empathy"]["honoured_series"]) == 12


def test_it_folds_channels_resting_on_fewer_than_three_people(team, month_stories, last_month):
    figures = channels(team, last_month)
    counts = {row["channel"]: row["count"] for row in figures["rows"]}
    assert counts["phone"] == 4
    assert counts["in_person"] is None
    assert counts["email"] == 0
    assert figures["other"] == 2 and figures["folded"] == 1


def test_it_shows_signed_stories_whoever_few_wrote_them(team, last_month):
    author = UserFactory()
    for _ in range(5):
        StoryFactory(
            team=team, author=author, happened_on=last_month, channel="email", tags=[("honesty", "honoured")]
        )
    assert channels(team, last_month)["other"] == 0
    assert {row["channel"]: row["count"] for row in channels(team, last_month)["rows"]}["email"] == 5
    assert {row["principle"]: row["honoured"] for row in heatmap(team, last_month)["rows"]}["honesty"] == 5
    assert headline(team, last_month)["total"]["now"] == 5


def test_it_folds_a_cell_with_an_anonymous_story_and_two_contributors(team, last_month):
    author = UserFactory()
    for anonymous in (False, False, True):
        StoryFactory(
            team=team,
            author=author,
            anonymous=anonymous,
            happened_on=last_month,
            channel="email",
            tags=[("honesty", "honoured")],
        )
    assert channels(team, last_month)["other"] == 3
    assert heatmap(team, last_month)["other"]["honoured"] == 3
    assert headline(team, last_month)["total"]["now"] == 3


def test_it_notices_when_live_figures_differ_from_frozen_ones(team, month_stories, last_month, lead):
    frozen = month_figures(team, last_month)
    assert not figures_differ(frozen, month_figures(team, last_month))
    month_stories[0].hide(by=lead)
    assert figures_differ(frozen, month_figures(team, last_month))


def test_it_lists_months_with_stories_or_a_retro_plus_the_current_one(team, month_stories, last_month):
    long_ago = add_months(last_month, -5)
    RetroFactory(team=team, month=long_ago)
    StoryFactory(team=team, happened_on=add_months(last_month, -2), kind="bad")
    entries = retro_index(team)
    assert [entry["month"] for entry in entries] == [
        current_month(team),
        last_month,
        add_months(last_month, -2),
        long_ago,
    ]
    assert entries[1]["counts"] == {"total": 6, "good": 4, "bad": 2, "gave": 5, "received": 1}
    assert entries[2]["counts"]["bad"] == 1


def test_it_lists_a_closed_retro_with_its_frozen_headline(team, month_stories, last_month, lead):
    retro = RetroFactory(team=team, month=last_month)
    from stories.retros.snapshots import snapshot_of

    retro.close(by=lead, snapshot=snapshot_of(month_figures(team, last_month, retro)))
    month_stories[0].hide(by=lead)
    entry = next(e for e in retro_index(team) if e["month"] == last_month)
    assert entry["frozen"] and entry["counts"]["total"] == 6


# --- the team's months ---------------------------------------------------------------------


def test_it_puts_a_story_logged_at_2330_on_the_31st_in_that_month():
    team = TeamFactory(slug="la", time_zone="America/Los_Angeles")
    # 23:30 on 31 January in Los Angeles is already 1 February in UTC.
    late_evening = dt.datetime(2025, 1, 31, 23, 30, tzinfo=team.zone)
    with time_machine.travel(late_evening, tick=False):
        assert timezone.now().date() == dt.date(2025, 2, 1)
        assert team.today() == dt.date(2025, 1, 31)
        story = StoryFactory(team=team, happened_on=team.today(), created_at=timezone.now())
        assert current_month(team) == dt.date(2025, 1, 1)
        assert headline(team, dt.date(2025, 1, 1))["total"]["now"] == 1
        assert headline(team, dt.date(2025, 2, 1))["total"]["now"] == 0
        from django.db.models.functions import TruncMonth

        from stories.models import Story

        bucket = Story.objects.filter(pk=story.pk).annotate(month=TruncMonth("created_at", tzinfo=team.zone))
        assert bucket.get().month.date() == dt.date(2025, 1, 1)


def test_it_buckets_action_item_timestamps_in_the_teams_zone():
    auckland = TeamFactory(slug="akl", time_zone="Pacific/Auckland")
    los_angeles = TeamFactory(slug="lax", time_zone="America/Los_Angeles")
    akl_retro = RetroFactory(team=auckland, month=dt.date(2025, 1, 1))
    lax_retro = RetroFactory(team=los_angeles, month=dt.date(2025, 1, 1))
    # 23:30 local on 31 January: 10:30 UTC the same day in Auckland, 07:30 UTC on 1 February in LA.
    for retro in (akl_retro, lax_retro):
        moment = dt.datetime(2025, 1, 31, 23, 30, tzinfo=retro.team.zone)
        ActionItemFactory(retro=retro, created_at=moment, done_at=moment)
    # 00:30 local on 1 February in Auckland is still 31 January in UTC.
    ActionItemFactory(retro=akl_retro, created_at=dt.datetime(2025, 2, 1, 0, 30, tzinfo=auckland.zone))
    with time_machine.travel(dt.datetime(2025, 2, 15, 12, tzinfo=dt.UTC), tick=False):
        akl = trend_figures(auckland, 3)["actions"]
        lax = trend_figures(los_angeles, 3)["actions"]
    assert akl == {"created": [0, 1, 1], "done": [0, 1, 0]}
    assert lax == {"created": [0, 1, 0], "done": [0, 1, 0]}


def test_it_computes_the_rolling_three_month_share_of_good_stories(team):
    with time_machine.travel(dt.datetime(2025, 6, 15, 12, tzinfo=dt.UTC), tick=False):
        for month, good, bad in ((3, 1, 1), (4, 2, 0), (5, 0, 0), (6, 0, 2)):
            for _ in range(good):
                StoryFactory(team=team, happened_on=dt.date(2025, month, 2))
            for _ in range(bad):
                StoryFactory(team=team, happened_on=dt.date(2025, month, 2), kind="bad")
        data = trend_figures(team, 3)
    assert data["months"] == ["2025-04", "2025-05", "2025-06"]
    assert data["good"] == [2, 0, 0] and data["bad"] == [0, 0, 2]
    # April: Feb-Apr = 3 good of 4; May: Mar-May = 3 of 4; June: Apr-Jun = 2 of 4.
    assert data["rolling_good_share"] == [75.0, 75.0, 50.0]


def test_it_folds_trend_cells_resting_on_fewer_than_three_people(team, month_stories, last_month):
    with time_machine.travel(
        dt.datetime.combine(add_months(last_month, 1), dt.time(12), tzinfo=team.zone), tick=False
    ):
        data = trend_figures(team, 3)
    rows = {row["principle"]: row for row in data["principles"]["rows"]}
    assert rows["empathy"]["honoured"][-2] == 4
    assert rows["make-it-right"]["broken"][-2] is None
    assert data["principles"]["other_broken"][-2] == 2
    channel_rows = {row["channel"]: row["counts"] for row in data["channels"]["rows"]}
    assert channel_rows["phone"][-2] == 4 and channel_rows["in_person"][-2] is None
    assert data["channels"]["other"][-2] == 2
