"""'Nothing came of it' and its undo: author or lead, POST only, back where the button was."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories.karma import figures as karma
from stories.karma.models import close_karma
from stories.models import Status
from tests.factories import SequelLinkFactory, UserFactory

pytestmark = pytest.mark.django_db


def _close(story) -> str:
    return reverse("karma_close", args=[story.pk])


def _reopen(story) -> str:
    return reverse("karma_reopen", args=[story.pk])


def test_it_lets_the_author_close_and_undo(member_client, team, story_ago, frozen):
    story = story_ago(40, went_beyond=True)

    closed = member_client.post(_close(story), {"next": reverse("karma", args=[team.slug])})
    story.refresh_from_db()
    assert closed["Location"] == reverse("karma", args=[team.slug])
    assert story.karma_closed_at is not None
    assert list(karma.watchlist(team)) == []

    reopened = member_client.post(_reopen(story))
    story.refresh_from_db()
    assert reopened["Location"] == story.get_absolute_url()
    assert story.karma_closed_at is None
    assert list(karma.watchlist(team)) == [story]


def test_it_counts_a_closed_went_beyond_story_as_a_miss(member_client, team, story_ago, frozen):
    story = story_ago(40, went_beyond=True)
    assert karma.karma_rate(team).resolved == 0

    member_client.post(_close(story))

    rate = karma.karma_rate(team)
    assert (rate.hits, rate.resolved) == (0, 1)
    member_client.post(_reopen(story))  # undecided again, not a miss read from the cache
    assert karma.karma_rate(team).resolved == 0


def test_it_lets_the_lead_close_someone_elses_story(lead_client, story_ago, frozen):
    story = story_ago(40, author=UserFactory())

    lead_client.post(_close(story))

    story.refresh_from_db()
    assert story.karma_closed_at is not None


def test_it_forbids_other_members_and_hides_from_outsiders(member_client, outsider_client, story_ago, frozen):
    story = story_ago(40, author=UserFactory())

    assert member_client.post(_close(story)).status_code == 403
    assert member_client.post(_reopen(story)).status_code == 403
    assert outsider_client.post(_close(story)).status_code == 404
    story.refresh_from_db()
    assert story.karma_closed_at is None


def test_it_refuses_a_story_with_a_sequel_or_unpublished(member_client, story_ago, frozen):
    followed = story_ago(40)
    SequelLinkFactory(original=followed, sequel=story_ago(5))
    pending = story_ago(40, status=Status.PENDING)

    response = member_client.post(_close(followed), follow=True)
    member_client.post(_close(pending))

    assert "something did come of it" in response.content.decode()
    followed.refresh_from_db()
    pending.refresh_from_db()
    assert followed.karma_closed_at is None
    assert pending.karma_closed_at is None


def test_it_never_redirects_off_site(member_client, story_ago, frozen):
    story = story_ago(40)

    response = member_client.post(_close(story), {"next": "https://evil.example.com/"})

    assert response["Location"] == story.get_absolute_url()


def test_it_accepts_post_only_and_signed_in_people_only(client, member_client, story_ago):
    story = story_ago(40)

    assert member_client.get(_close(story)).status_code == 405
    assert member_client.get(_reopen(story)).status_code == 405
    assert client.post(_close(story)).status_code == 302
    story.refresh_from_db()
    assert story.karma_closed_at is None


def test_it_reopens_nothing_for_anonymous_visitors_outsiders_or_other_members(
    client, member_client, outsider_client, story_ago, frozen
):
    story = story_ago(40, author=UserFactory(), went_beyond=True)
    close_karma(story, by=story.author)
    closed_at = story.karma_closed_at

    assert client.post(_reopen(story))["Location"].startswith("/accounts/login/")
    assert outsider_client.post(_reopen(story)).status_code == 404
    assert member_client.post(_reopen(story)).status_code == 403
    assert outsider_client.post(reverse("karma_reopen", args=[2**63])).status_code == 404
    story.refresh_from_db()
    assert story.karma_closed_at == closed_at


def test_it_closes_only_a_story_karma_watches(member_client, story_ago, frozen):
    # Good service given that is itself a sequel is the good coming back: nothing to watch.
    sequel = story_ago(40)
    SequelLinkFactory(original=story_ago(60, author=UserFactory()), sequel=sequel)

    response = member_client.post(_close(sequel), follow=True)

    sequel.refresh_from_db()
    assert sequel.karma_closed_at is None
    assert "nothing to close" in response.content.decode()
    assert "Nothing came of it" not in member_client.get(sequel.get_absolute_url()).content.decode()


def test_it_lets_a_superuser_stand_in_for_the_lead(superuser_client, story_ago, frozen):
    story = story_ago(40, author=UserFactory(), went_beyond=True)

    superuser_client.post(_close(story))

    story.refresh_from_db()
    assert story.karma_closed_at is not None
