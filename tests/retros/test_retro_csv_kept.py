"""A month's CSV is kept once sent whole, and never given back after what it prints changed."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.accounts.forms import ProfileForm
from stories.models import Principle
from tests.factories import StoryFactory
from tests.retros.helpers import month_url
from tests.retros.test_retro_exports import csv_text, read_csv

pytestmark = pytest.mark.django_db


def _download(client, team, month):
    return csv_text(client.get(month_url("retro_csv", team, month)))


def test_it_sends_a_month_downloaded_before_without_reading_its_stories(
    member_client, team, last_month, month_stories
):
    first = _download(member_client, team, last_month)
    with CaptureQueriesContext(connection) as queries:
        again = _download(member_client, team, last_month)
    assert again == first
    assert first.count("\n") == len(month_stories) + 1
    assert not [q["sql"] for q in queries.captured_queries if "stories_story" in q["sql"]]


def test_it_leaves_out_a_story_hidden_after_the_month_was_downloaded(
    member_client, moderator, team, last_month, month_stories
):
    _download(member_client, team, last_month)
    month_stories[0].hide(by=moderator, reason="Names a client")
    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))
    assert [int(row["id"]) for row in rows] == [story.pk for story in month_stories[1:]]


def test_it_lists_a_story_published_after_the_month_was_downloaded(
    member_client, member, moderator, team, last_month, month_stories
):
    _download(member_client, team, last_month)
    late = StoryFactory(team=team, author=member, happened_on=last_month, status="pending")
    late.approve(by=moderator)
    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))
    assert late.pk in {int(row["id"]) for row in rows}


def test_it_prints_a_new_name_once_its_author_changed_it(
    member_client, colleagues, team, last_month, month_stories
):
    _download(member_client, team, last_month)
    author = colleagues[0]
    form = ProfileForm({"first_name": "Anabel", "last_name": "Reis", "language": "en"}, user=author)
    assert form.is_valid(), form.errors
    form.save()
    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))
    assert rows[0]["author"] == "Anabel Reis"


def test_it_stays_kept_when_someone_only_logs_in(member_client, colleagues, team, last_month, month_stories):
    first = _download(member_client, team, last_month)
    colleagues[0].save(update_fields=["last_login"])
    with CaptureQueriesContext(connection) as queries:
        assert _download(member_client, team, last_month) == first
    assert not [q["sql"] for q in queries.captured_queries if "stories_story" in q["sql"]]


def test_it_prints_a_principle_renamed_in_the_catalogue(member_client, team, last_month, month_stories):
    _download(member_client, team, last_month)
    empathy = Principle.objects.get(slug="empathy")
    empathy.name = "Kindness"
    empathy.save()
    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))
    assert rows[0]["principles honoured"] == "Kindness"


def test_it_keeps_each_language_apart(member_client, team, last_month, month_stories):
    english = _download(member_client, team, last_month)
    german = csv_text(member_client.get(month_url("retro_csv", team, last_month), HTTP_ACCEPT_LANGUAGE="de"))
    assert "Empathy" in english
    assert "Empathy" not in german and german.count("\n") == english.count("\n")


def test_it_keeps_nothing_of_a_download_cut_short(member_client, team, last_month, month_stories):
    """A client that stops reading part-way leaves no CSV behind: the next one is read whole."""
    response = member_client.get(month_url("retro_csv", team, last_month))
    next(iter(response.streaming_content))  # the header only, and never the rest
    with CaptureQueriesContext(connection) as queries:
        rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))
    assert len(rows) == len(month_stories)
    assert [q["sql"] for q in queries.captured_queries if "stories_story" in q["sql"]]
