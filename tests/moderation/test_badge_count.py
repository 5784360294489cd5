"""The navigation's badge: the same number as the queue, counted without reading whole stories."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import FlagReason, Status, Story
from tests.factories import MembershipFactory, StoryFactory, UserFactory


@pytest.fixture
def flagger(team):
    user = UserFactory()
    MembershipFactory(user=user, team=team)
    return user


def test_it_counts_what_the_queue_holds(lead, moderator, team, other_team, flagger):
    StoryFactory(team=team, status=Status.PENDING)
    flagged = StoryFactory(team=team)
    flagged.flag(by=flagger, reason=FlagReason.OTHER)
    StoryFactory(team=team).flag(by=flagger, reason=FlagReason.PERSONAL_DATA)  # hidden, still waiting
    StoryFactory(team=other_team, status=Status.PENDING)
    StoryFactory(team=team, status=Status.REJECTED)
    for user in (lead, moderator):
        assert (
            Story.objects.awaiting_moderation_count_for(user)
            == Story.objects.awaiting_moderation_for(user).distinct().count()
        )
    assert Story.objects.awaiting_moderation_count_for(lead) == 3
    assert Story.objects.awaiting_moderation_count_for(moderator) == 4


def test_it_counts_a_story_flagged_twice_once(lead, team, flagger):
    story = StoryFactory(team=team)
    story.flag(by=flagger, reason=FlagReason.OTHER)
    second = UserFactory()
    MembershipFactory(user=second, team=team)
    story.flag(by=second, reason=FlagReason.UNFAIR)
    assert Story.objects.awaiting_moderation_count_for(lead) == 1


def test_it_is_zero_for_a_member_and_for_anonymous(member, team, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    StoryFactory(team=team, status=Status.PENDING)
    assert Story.objects.awaiting_moderation_count_for(member) == 0
    assert Story.objects.awaiting_moderation_count_for(AnonymousUser()) == 0


def test_it_counts_ids_not_whole_rows(lead, team):
    StoryFactory(team=team, status=Status.PENDING)
    with CaptureQueriesContext(connection) as queries:
        Story.objects.awaiting_moderation_count_for(lead)
    (sql,) = [q["sql"] for q in queries.captured_queries if "stories_story" in q["sql"]]
    assert "DISTINCT" not in sql.upper()
    assert '"what_happened"' not in sql
