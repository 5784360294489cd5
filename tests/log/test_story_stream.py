"""The story list reads a bounded range of rows: keyset pages, a capped count, only my teams."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.log import stream
from stories.models import Status, Story
from tests.factories import StoryFactory

URL = "/stories/"


def titles(response):
    return [story.title for story in response.context["page"]]


@pytest.fixture
def many(team):
    start = dt.date(2025, 1, 1)
    # Two a day, so the cursor has to break ties on created_at and id.
    return [
        StoryFactory(team=team, happened_on=start + dt.timedelta(days=n // 2), title=f"S{n:03}")
        for n in range(45)
    ]


def test_it_walks_every_story_once_by_cursor(member_client, many, monkeypatch):
    monkeypatch.setattr(stream, "MAX_OFFSET_PAGE", 1)
    seen, link = [], URL
    while link:
        response = member_client.get(link)
        seen += titles(response)
        page = response.context["page"]
        link = f"{URL}?{page.next_page}" if page.has_next else None
    assert seen == sorted((story.title for story in many), reverse=True)
    assert "after=" in page.next_page


def test_it_switches_from_page_numbers_to_the_cursor_when_deep(member_client, many, monkeypatch):
    monkeypatch.setattr(stream, "MAX_OFFSET_PAGE", 2)
    html = member_client.get(f"{URL}?page=2").content.decode()
    assert re.search(r'href="\?after=\d{4}-\d\d-\d\d_\d+_\d+"', html)
    # A page number past the limit is served as the last numbered page, not by a deep OFFSET.
    assert member_client.get(f"{URL}?page=999").context["page"].number == 2


@pytest.mark.parametrize(
    "raw", ["x", "2025-01-01_abc_1", "2025-13-01_0_1", "2025-01-01_0_0", "_".join(["9" * 30] * 3)]
)
def test_it_ignores_a_malformed_cursor(member_client, many, raw):
    response = member_client.get(f"{URL}?after={raw}")
    assert response.status_code == 200
    assert titles(response)[0] == "S044"


def test_it_caps_the_count(member_client, many, monkeypatch):
    monkeypatch.setattr(stream, "COUNT_CAP", 10)
    response = member_client.get(URL)
    assert response.context["page"].count_capped
    assert "More than 10 stories" in response.content.decode()


@pytest.mark.parametrize(("cap", "capped", "shown"), [(60, False, 49), (48, True, 48), (44, True, 44)])
def test_it_counts_published_and_my_unpublished_stories_up_to_the_cap(
    member_client, member, team, other_team, many, monkeypatch, cap, capped, shown
):
    """45 published stories of my team and 4 of mine waiting or sent back: 49 in all, and
    neither my withdrawn story nor another team's is counted."""
    for status in (Status.PENDING, Status.PENDING, Status.REJECTED, Status.HIDDEN, Status.WITHDRAWN):
        StoryFactory(team=team, author=member, status=status)
    StoryFactory(team=other_team, status=Status.PUBLISHED)
    monkeypatch.setattr(stream, "COUNT_CAP", cap)
    page = member_client.get(URL).context["page"]
    assert (page.count, page.count_capped) == (shown, capped)


def test_it_keeps_my_own_unpublished_stories_in_order(member_client, member, team, many):
    mine = StoryFactory(team=team, author=member, status=Status.PENDING, happened_on=dt.date(2025, 1, 30))
    assert titles(member_client.get(URL))[0] == mine.title


def test_it_never_reads_other_teams_stories(member_client, team, other_team):
    StoryFactory(team=team, title="Ours")
    StoryFactory(team=other_team, title="Theirs")
    with CaptureQueriesContext(connection) as queries:
        member_client.get(URL)
    reads = [q["sql"] for q in queries.captured_queries if 'FROM "stories_story"' in q["sql"]]
    assert reads
    for sql in reads:
        # Every read of the story table names my team, my own id, or a list of ids already found.
        mine = (f'"team_id" = {team.pk}', f'"team_id" IN ({team.pk})', '"author_id" =', '"id" IN (')
        assert any(part in sql for part in mine), sql
    assert f'"team_id" = {other_team.pk}' not in " ".join(reads)


def test_it_reads_a_teams_page_off_the_stream_index(team):
    if connection.vendor != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    part = Story.objects.filter(team=team, status=Status.PUBLISHED)
    query = part.order_by("-happened_on", "-created_at", "-pk").values_list("pk")[:21].query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "story_team_status_stream_idx" in plan
    assert "TEMP B-TREE" not in plan  # read in order, never sorted
