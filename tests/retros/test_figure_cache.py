"""A team's figures come from the cache, and never from before a moderation decision.

Run on the local-memory cache, and on Redis too when REDIS_URL is set (CI sets it).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from stories.models import Principle, Status
from stories.retros.figures import channels, cross_team, headline, heatmap, month_figures
from stories.retros.quarter import quarter_figures
from stories.retros.trends import trend_figures
from tests.factories import ActionItemFactory, RetroFactory, StoryFactory

LAST_MONTH = dt.date(2026, 5, 1)  # the pinned clock stands in June 2026


@pytest.fixture
def month_of_five(team, colleagues):
    return [
        StoryFactory(
            team=team,
            author=colleagues[day % 3],
            happened_on=LAST_MONTH + dt.timedelta(days=day),
            channel="phone",
            tags=[("empathy", "honoured")],
        )
        for day in range(5)
    ]


def empathy_honoured(team):
    row = next(row for row in heatmap(team, LAST_MONTH)["rows"] if row["principle"] == "empathy")
    return row["honoured"]


def test_it_serves_a_months_figures_from_the_cache(shared_cache, team, month_of_five):
    month_figures(team, LAST_MONTH)
    with CaptureQueriesContext(connection) as queries:
        again = month_figures(team, LAST_MONTH)
    assert again["headline"]["total"]["now"] == 5
    # Nothing is read again: the heatmap is kept with its principles' names.
    assert queries.captured_queries == []


def test_it_names_a_principle_renamed_since_the_heatmap_was_kept(shared_cache, team, month_of_five):
    def empathy_name():
        return next(row["name"] for row in heatmap(team, LAST_MONTH)["rows"] if row["principle"] == "empathy")

    assert empathy_name() == "Empathy"
    with translation.override("de"):
        german = empathy_name()
    assert german != "Empathy"
    empathy = Principle.objects.get(slug="empathy")
    empathy.name = "Kindness"
    empathy.save()
    assert empathy_name() == "Kindness"
    with translation.override("de"):
        assert empathy_name() == german  # its German name stands


def test_it_never_serves_figures_from_before_a_moderation_decision(shared_cache, team, lead, month_of_five):
    assert headline(team, LAST_MONTH)["total"]["now"] == 5
    assert empathy_honoured(team) == 5
    assert channels(team, LAST_MONTH)["rows"][1] == {"channel": "phone", "count": 5}
    hidden = month_of_five[0]
    hidden.hide(by=lead, reason="unfair")
    assert headline(team, LAST_MONTH)["total"]["now"] == 4
    assert empathy_honoured(team) == 4
    assert channels(team, LAST_MONTH)["rows"][1] == {"channel": "phone", "count": 4}
    hidden.restore(by=lead)
    assert headline(team, LAST_MONTH)["total"]["now"] == 5


def test_it_counts_an_approved_story_at_once(shared_cache, team, lead, month_of_five):
    waiting = StoryFactory(team=team, happened_on=LAST_MONTH, status=Status.PENDING)
    assert headline(team, LAST_MONTH)["total"]["now"] == 5
    waiting.approve(by=lead)
    assert headline(team, LAST_MONTH)["total"]["now"] == 6


def test_it_never_serves_trends_from_before_a_moderation_decision(shared_cache, team, lead, month_of_five):
    def last_month_of(trend):
        empathy = next(row for row in trend["principles"]["rows"] if row["principle"] == "empathy")
        return trend["total"][-2], empathy["honoured"][-2], trend["channels"]["rows"][1]["counts"][-2]

    assert last_month_of(trend_figures(team, 12)) == (5, 5, 5)
    month_of_five[1].hide(by=lead)
    assert last_month_of(trend_figures(team, 12)) == (4, 4, 4)


def test_it_counts_action_items_made_since_the_trends_were_kept(shared_cache, team, month_of_five):
    before = trend_figures(team, 12)["actions"]["created"][-1]
    ActionItemFactory(retro=RetroFactory(team=team, month=LAST_MONTH))
    assert trend_figures(team, 12)["actions"]["created"][-1] == before + 1


def test_it_names_a_principle_renamed_since_the_trends_were_kept(shared_cache, team, month_of_five):
    def names():
        return {row["principle"]: row["name"] for row in trend_figures(team, 12)["principles"]["rows"]}

    assert names()["empathy"] == "Empathy"
    Principle.objects.filter(slug="empathy").update(name="Kindness")  # no save(): no counter moves
    assert names()["empathy"] == "Empathy"  # still kept, as this test must show
    empathy = Principle.objects.get(slug="empathy")
    empathy.save()
    assert names()["empathy"] == "Kindness"


def test_it_keeps_other_teams_figures(shared_cache, team, other_team, lead, month_of_five):
    StoryFactory(team=other_team, happened_on=LAST_MONTH)
    headline(other_team, LAST_MONTH)
    month_of_five[0].hide(by=lead)
    with CaptureQueriesContext(connection) as queries:
        assert headline(other_team, LAST_MONTH)["total"]["now"] == 1
    assert not queries.captured_queries


def test_it_never_serves_a_quarter_from_before_a_moderation_decision(shared_cache, team, lead, month_of_five):
    def phone_and_empathy() -> tuple[int, int]:
        quarter = quarter_figures(team, LAST_MONTH)
        phone = next(row for row in quarter["channels"]["rows"] if row["channel"] == "phone")
        empathy = next(row for row in quarter["principles"]["rows"] if row["principle"] == "empathy")
        return phone["count"], empathy["honoured"]

    assert phone_and_empathy() == (5, 5)
    with CaptureQueriesContext(connection) as queries:
        assert phone_and_empathy() == (5, 5)
    assert not [q for q in queries.captured_queries if "stories_story" in q["sql"]]
    month_of_five[0].hide(by=lead, reason="unfair")
    assert phone_and_empathy() == (4, 4)


def test_it_never_serves_the_cross_team_counts_from_before_a_moderation_decision(
    shared_cache, team, other_team, lead, month_of_five
):
    def totals() -> list[int]:
        return [row["total"] for row in cross_team([team, other_team], LAST_MONTH)]

    assert totals() == [5, 0]
    with CaptureQueriesContext(connection) as queries:
        assert totals() == [5, 0]
    assert not [q for q in queries.captured_queries if "stories_story" in q["sql"]]
    month_of_five[0].hide(by=lead, reason="unfair")
    assert totals() == [4, 0]


def test_it_counts_again_only_the_team_whose_story_moved(shared_cache, team, other_team, lead, month_of_five):
    """A story in one team leaves the other teams' months cached: at 1M stories recounting the
    hundred teams' month after every new story took 0.3 s."""
    assert [row["total"] for row in cross_team([team, other_team], LAST_MONTH)] == [5, 0]
    month_of_five[0].hide(by=lead, reason="unfair")
    with CaptureQueriesContext(connection) as queries:
        assert [row["total"] for row in cross_team([team, other_team], LAST_MONTH)] == [4, 0]
    counted = [q["sql"] for q in queries.captured_queries if "stories_story" in q["sql"]]
    assert counted
    assert all(f"IN ({team.pk})" in sql for sql in counted)


def test_it_keeps_other_months_figures_when_a_story_moves(
    shared_cache, team, lead, colleagues, month_of_five
):
    """A new story in June leaves May's figures cached: a big team's closed months are not
    counted again after every story."""
    assert headline(team, LAST_MONTH)["total"]["now"] == 5
    june = StoryFactory(
        team=team, author=colleagues[0], happened_on=dt.date(2026, 6, 2), status=Status.PENDING
    )
    june.approve(by=lead)
    with CaptureQueriesContext(connection) as queries:
        assert headline(team, LAST_MONTH)["total"]["now"] == 5
    assert not [q for q in queries.captured_queries if "stories_story" in q["sql"]]
    # June's own headline (which also compares with May) counts it.
    assert headline(team, dt.date(2026, 6, 1))["total"]["now"] == 1


def test_it_forgets_every_month_after_an_admin_edit(shared_cache, team, month_of_five):
    """The admin may change a story's date: the month it left is as old as the one it joined."""
    assert headline(team, LAST_MONTH)["total"]["now"] == 5
    moved = month_of_five[0]
    moved.happened_on = dt.date(2026, 3, 10)
    moved.save(update_fields=["happened_on"])
    moved.announce_change(any_month=True)
    assert headline(team, LAST_MONTH)["total"]["now"] == 4
    assert headline(team, dt.date(2026, 3, 1))["total"]["now"] == 1


def test_it_reads_a_window_of_months_in_one_round_trip(shared_cache, team, month_of_five, monkeypatch):
    """36 months of trends are 36 cached months: read together, not one cache call each; and
    counted together when the cache has none of them."""
    with CaptureQueriesContext(connection) as cold:
        trend_figures(team, 36)
    # One count per figure over the months missing, not one per month.
    assert len([q for q in cold.captured_queries if "stories_story" in q["sql"]]) <= 4
    from stories.core import counters

    calls = []

    class Counting:
        def __init__(self, real):
            self.real = real

        def __getattr__(self, name):
            return getattr(self.real, name)

        def get_many(self, keys):
            calls.append(len(keys))
            return self.real.get_many(keys)

    monkeypatch.setattr(counters, "cache", Counting(counters.cache))
    with CaptureQueriesContext(connection) as queries:
        trend_figures(team, 36)
    assert not [q for q in queries.captured_queries if "stories_story" in q["sql"]]
    # One read per figure (principles, counts, channels), each over 36 months and their counters.
    assert len(calls) <= 3
    assert max(calls) >= 36
