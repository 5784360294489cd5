"""A busy month: the retro lists its top stories with "Show more", and the CSV streams in chunks."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.retros import exports, sections
from tests.factories import RetroFactory, StoryFactory
from tests.retros.helpers import month_url


@pytest.fixture
def busy_month(team, colleagues, last_month, monkeypatch):
    monkeypatch.setattr(sections, "CANDIDATES_SHOWN", 4)
    monkeypatch.setattr(sections, "MAX_CANDIDATES_SHOWN", 10)
    monkeypatch.setattr(exports, "EXPORT_CHUNK", 3)
    return [
        StoryFactory(
            team=team, author=colleagues[n % len(colleagues)], happened_on=last_month, title=f"Busy {n:02}"
        )
        for n in range(12)
    ]


def candidate_rows(html):
    return html.count('<tr id="candidate-')


def test_it_lists_the_top_stories_and_offers_more(member_client, team, last_month, busy_month, member):
    retro = RetroFactory(team=team, month=last_month)
    retro.vote(busy_month[7], by=member)
    response = member_client.get(month_url("retro_detail", team, last_month))
    html = response.content.decode()
    assert candidate_rows(html) == 4
    assert response.context["candidates"][0] == busy_month[7]  # most voted first
    assert 'href="?shown=8#highlights"' in html


def test_it_answers_more_with_the_highlights_section_only(member_client, team, last_month, busy_month):
    url = month_url("retro_detail", team, last_month) + "?shown=8"
    html = member_client.get(url, headers={"HX-Request": "true", "HX-Target": "highlights"}).content.decode()
    assert html.lstrip().startswith('<section id="highlights"')
    assert candidate_rows(html) == 8
    assert 'hx-get="?shown=10"' in html


def test_it_offers_no_more_once_the_ceiling_is_shown(member_client, team, last_month, busy_month):
    # Twelve stories, ten at most: "Show more" at ten would only show the same ten again.
    html = member_client.get(month_url("retro_detail", team, last_month) + "?shown=10").content.decode()
    assert candidate_rows(html) == 10
    assert "?shown=" not in html


@pytest.mark.parametrize("shown", ["9999", "-3", "abc", "1" * 40])
def test_it_never_lists_more_than_the_ceiling(member_client, team, last_month, busy_month, shown):
    html = member_client.get(month_url("retro_detail", team, last_month) + f"?shown={shown}").content.decode()
    assert candidate_rows(html) in {4, 10}


def test_it_streams_the_csv_in_chunks_with_every_story(member_client, team, last_month, busy_month):
    with CaptureQueriesContext(connection) as queries:
        response = member_client.get(month_url("retro_csv", team, last_month))
        assert response.streaming
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert sorted(row["title"] for row in rows) == sorted(story.title for story in busy_month)
    story_reads = [q["sql"] for q in queries.captured_queries if 'FROM "stories_story"' in q["sql"]]
    assert all("LIMIT 3" in sql for sql in story_reads)  # never the whole month at once
    assert len(story_reads) == 5  # four chunks of 3, and the empty one that ends it
