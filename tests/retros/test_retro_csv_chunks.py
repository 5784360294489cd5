"""The CSV export reads the month in keyset chunks: every story once, in date order, whatever the chunk size."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from stories.models import Story
from stories.retros import exports
from tests.factories import StoryFactory, UserFactory
from tests.retros.helpers import month_url
from tests.retros.test_retro_exports import read_csv

pytestmark = pytest.mark.django_db


def test_it_lists_every_story_once_across_chunks_that_split_a_day(
    monkeypatch, member_client, team, last_month
):
    monkeypatch.setattr(exports, "EXPORT_CHUNK", 2)
    days = [3, 1, 1, 1, 2, 3, 1]  # three stories on the 2nd of the month straddle the first chunk
    stories = [StoryFactory(team=team, happened_on=last_month + dt.timedelta(days=day)) for day in days]
    expected = [story.pk for story in sorted(stories, key=lambda story: (story.happened_on, story.pk))]

    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))

    assert len(rows) == 7
    assert [int(row["id"]) for row in rows] == expected


def test_it_lists_every_story_once_when_a_chunk_ends_among_stories_logged_at_the_same_moment(
    monkeypatch, member_client, team, last_month
):
    """Only the id tells them apart: it must order them and carry the chunks on from the last one."""
    monkeypatch.setattr(exports, "EXPORT_CHUNK", 2)
    logged = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.UTC)
    ids = [9_000_013, 9_000_012, 9_000_011]
    for pk in ids:
        StoryFactory(pk=pk, team=team, happened_on=last_month)
    for pk in ids:  # rewritten highest id first: the table holds them out of id order
        Story.objects.filter(pk=pk).update(created_at=logged)

    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))

    assert [int(row["id"]) for row in rows] == sorted(ids)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [("Ana", "Lima", "Ana Lima"), ("Ana", "", "Ana"), ("", "Lima", "Lima"), ("", "", "ana-l")],
)
def test_it_names_the_author_by_name_or_else_by_username(
    member_client, team, last_month, first, last, expected
):
    author = UserFactory(username="ana-l", first_name=first, last_name=last)
    StoryFactory(team=team, author=author, happened_on=last_month)
    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))
    assert [row["author"] for row in rows] == [expected]


def test_it_says_yes_or_no_for_going_beyond(member_client, team, last_month):
    StoryFactory(team=team, happened_on=last_month, went_beyond=True)
    StoryFactory(team=team, happened_on=last_month + dt.timedelta(days=1), went_beyond=False)
    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))
    assert [row["went_beyond"] for row in rows] == ["yes", "no"]


def test_it_ends_after_the_last_chunk_and_never_reads_a_story_twice(monkeypatch, team, last_month):
    """Read straight from the generator, a bounded number of lines: a keyset that does not move
    on would repeat a chunk forever, and this fails instead of hanging."""
    monkeypatch.setattr(exports, "EXPORT_CHUNK", 2)
    days = [2, 1, 1, 1, 2, 0, 1]
    stories = [StoryFactory(team=team, happened_on=last_month + dt.timedelta(days=day)) for day in days]
    expected = [story.pk for story in sorted(stories, key=lambda story: (story.happened_on, story.pk))]

    chunks = list(itertools.islice(exports._csv_lines(team, last_month), 20))

    assert [len(lines) for lines in chunks] == [1, 2, 2, 2, 1]  # the header, then chunks of 2
    assert [line[0] for lines in chunks[1:] for line in lines] == expected


def test_it_orders_a_day_by_when_stories_were_logged_then_by_id(member_client, team, last_month):
    # Written in reverse id order: without its id order, the database may return them so.
    logged = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.UTC)
    tie_later = StoryFactory(pk=9_000_002, team=team, happened_on=last_month)
    tie_earlier = StoryFactory(pk=9_000_001, team=team, happened_on=last_month)
    first_logged = StoryFactory(pk=9_000_003, team=team, happened_on=last_month)
    Story.objects.filter(pk__in=[tie_later.pk, tie_earlier.pk]).update(created_at=logged)
    Story.objects.filter(pk=first_logged.pk).update(created_at=logged - dt.timedelta(hours=1))

    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))

    assert [int(row["id"]) for row in rows] == [first_logged.pk, tie_earlier.pk, tie_later.pk]


def test_it_joins_several_principles_with_a_semicolon(member_client, team, last_month):
    StoryFactory(
        team=team,
        happened_on=last_month,
        tags=[
            ("empathy", "honoured"),
            ("honesty", "honoured"),
            ("golden-rule", "broken"),
            ("make-it-right", "broken"),
        ],
    )
    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))
    assert (rows[0]["principles honoured"], rows[0]["principles broken"]) == (
        "Empathy; Honesty and transparency",
        "The golden rule; Make it right",
    )
