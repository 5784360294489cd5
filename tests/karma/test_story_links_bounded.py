"""The story page's karma links start from the story's own links, never the viewer's visible set."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.karma.links import story_links
from stories.models import SequelOutcome, Status
from tests.factories import SequelLinkFactory, StoryFactory

pytestmark = pytest.mark.django_db


def test_it_reads_only_the_storys_links(member, lead, team, story_ago, frozen):
    original = story_ago(50)
    sequel = story_ago(8)
    hidden = story_ago(5, status=Status.HIDDEN, author=lead)
    SequelLinkFactory(original=original, sequel=sequel, outcome=SequelOutcome.REFERRAL)
    SequelLinkFactory(original=original, sequel=hidden, outcome=SequelOutcome.THANKS)
    for _ in range(5):
        StoryFactory(team=team)  # the rest of the team, which the query must not gather
    with CaptureQueriesContext(connection) as queries:
        links = story_links(original, member)
    assert [link.sequel for link in links["sequels"]] == [sequel]
    own_links, other_ends = [q["sql"] for q in queries.captured_queries]
    assert "stories_story" not in own_links
    assert f'"original_id" = {original.pk}' in own_links and f'"sequel_id" = {original.pk}' in own_links
    # The stories at the links' other ends, by id: never the viewer's visible set.
    ids = re.search(r'"stories_story"\."id" IN \(([\d, ]+)\)', other_ends)
    assert ids is not None and {int(pk) for pk in ids[1].split(", ")} == {sequel.pk, hidden.pk}


def test_it_reads_nothing_more_for_a_story_without_links(member, story_ago, frozen):
    lonely = story_ago(3)
    with CaptureQueriesContext(connection) as queries:
        assert story_links(lonely, member) == {"follows": [], "sequels": []}
    assert len(queries.captured_queries) == 1


def test_it_shows_my_own_unpublished_sequel_to_me_only(member, lead, team, story_ago, frozen):
    original = story_ago(50)
    mine = story_ago(8, author=member, status=Status.PENDING)
    SequelLinkFactory(original=original, sequel=mine, outcome=SequelOutcome.CLIENT_RETURNED)
    assert [link.sequel for link in story_links(original, member)["sequels"]] == [mine]
    outsider_view = story_links(original, StoryFactory(team=team).author)
    assert outsider_view["sequels"] == []
