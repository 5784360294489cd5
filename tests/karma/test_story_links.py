"""The karma part of a story page: what it follows, its sequels, and the actions offered."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stories.models import SequelOutcome, Status, Story
from tests.factories import MembershipFactory, SequelLinkFactory, UserFactory

pytestmark = pytest.mark.django_db


def _render(story, user) -> str:
    request = RequestFactory().get(story.get_absolute_url())
    request.user = user
    return render_to_string("karma/_story_links.html", {"story": story, "user": user}, request=request)


def test_it_shows_the_original_with_outcome_and_days(member, story_ago, frozen):
    original = story_ago(50, title="Umbrella lent in the storm")
    sequel = story_ago(8)
    SequelLinkFactory(original=original, sequel=sequel, outcome=SequelOutcome.REFERRAL)

    html = _render(sequel, member)

    assert "Follows:" in html
    assert "Umbrella lent in the storm" in html
    assert "(referral, 42 days later)" in html


def test_it_lists_sequels_the_viewer_may_see(member, story_ago, frozen):
    original = story_ago(50)
    SequelLinkFactory(original=original, sequel=story_ago(30, title="They came back"))
    SequelLinkFactory(original=original, sequel=story_ago(20, title="Mine, pending", status=Status.PENDING))
    SequelLinkFactory(
        original=original,
        sequel=story_ago(10, title="Someone's pending", author=UserFactory(), status=Status.PENDING),
    )

    html = _render(original, member)

    assert "They came back" in html
    assert "Mine, pending" in html
    assert "Someone&#x27;s pending" not in html and "Someone's pending" not in html


def test_it_offers_log_a_sequel_link_existing_and_nothing_came_of_it_to_the_author(member, story_ago, frozen):
    original = story_ago(50)
    story_ago(10, title="A later one")

    html = _render(original, member)

    assert f'href="/stories/new/?sequel_of={original.pk}"' in html
    assert reverse("karma_close", args=[original.pk]) in html
    # Linking an existing story happens on its own page, with the type-ahead.
    assert f'href="{reverse("sequel_link", args=[original.pk])}"' in html
    assert "Link an existing later story as a sequel" in html


def test_it_offers_nothing_came_of_it_to_the_lead_but_not_to_another_member(lead, story_ago, frozen):
    other_member_story = story_ago(50, author=UserFactory())
    reader = UserFactory()
    MembershipFactory(user=reader, team=other_member_story.team)

    assert reverse("karma_close", args=[other_member_story.pk]) in _render(other_member_story, lead)
    assert reverse("karma_close", args=[other_member_story.pk]) not in _render(other_member_story, reader)


def test_it_offers_no_sequel_on_an_unpublished_story(member, story_ago, frozen):
    pending = story_ago(50, status=Status.PENDING)

    html = _render(pending, member)

    assert "Log a sequel" not in html
    assert "Nothing came of it" not in html


def test_it_shows_no_karma_section_when_there_is_nothing_to_show(member, story_ago, frozen):
    for status in (Status.PENDING, Status.REJECTED, Status.HIDDEN):
        own = story_ago(50, status=status)
        assert 'id="karma"' not in _render(own, member), status
        assert "Karma" not in _render(own, member), status


def test_it_shows_the_section_on_an_unpublished_story_that_follows_another(member, story_ago, frozen):
    original = story_ago(50, title="Umbrella lent in the storm")
    pending = story_ago(8, status=Status.PENDING)
    SequelLinkFactory(original=original, sequel=pending)

    html = _render(pending, member)

    assert 'id="karma"' in html and "Umbrella lent in the storm" in html
    assert "Log a sequel" not in html


def test_it_offers_moderators_from_outside_the_team_nothing_to_do(moderator, story_ago, frozen):
    published = story_ago(50)
    story_ago(10)

    html = _render(published, moderator)

    assert "Log a sequel" not in html and reverse("sequel_link", args=[published.pk]) not in html
    assert 'id="karma"' not in html


def test_it_shows_a_closed_story_with_undo_for_its_author(member, story_ago, frozen):
    closed = story_ago(50, karma_closed_at=dt.datetime(2025, 6, 1, 10, 0, tzinfo=dt.UTC))

    html = _render(closed, member)

    assert "Marked “nothing came of it” on 1 Jun 2025." in html
    assert reverse("karma_reopen", args=[closed.pk]) in html
    assert reverse("karma_close", args=[closed.pk]) not in html


def test_it_costs_the_same_queries_with_many_sequels(member, story_ago, frozen):
    original = story_ago(90)
    SequelLinkFactory(original=original, sequel=story_ago(80, author=UserFactory(), anonymous=True))
    story_ago(70)

    def count() -> tuple[int, str]:
        viewer = get_user_model().objects.get(pk=member.pk)  # no permissions cached yet
        story = Story.objects.select_related("team").get(pk=original.pk)  # nor roles
        with CaptureQueriesContext(connection) as captured:
            html = _render(story, viewer)
        return len(captured), html

    few, _ = count()
    for days in range(60, 40, -1):
        SequelLinkFactory(original=original, sequel=story_ago(days, author=UserFactory(), anonymous=True))
        story_ago(days)
    many, html = count()

    assert html.count("→ <a") == 21
    assert few == many
    assert many <= 6
