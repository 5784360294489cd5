"""The badge is remembered per person between pages, and counted again after whatever changes it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import FlagReason, Status
from stories.teams.models import ModerationMode
from tests.factories import MembershipFactory, StoryFactory, UserFactory

BADGE = re.compile(r'id="moderation-badge"[^>]*>(\d+)')


def badge(client):
    return int(BADGE.search(client.get("/").content.decode()).group(1))


@pytest.fixture
def flagger(team):
    user = UserFactory()
    MembershipFactory(user=user, team=team)
    return user


def test_it_counts_the_badge_once_for_several_pages(lead_client, team):
    StoryFactory(team=team, status=Status.PENDING)
    assert badge(lead_client) == 1
    with CaptureQueriesContext(connection) as queries:
        assert badge(lead_client) == 1
    assert not [q for q in queries.captured_queries if "UNION" in q["sql"].upper()]


def test_it_counts_again_after_a_decision(lead_client, lead, team):
    story = StoryFactory(team=team, status=Status.PENDING)
    assert badge(lead_client) == 1
    story.approve(by=lead)
    assert badge(lead_client) == 0


def test_it_counts_again_after_a_new_submission(lead_client, member, team):
    team.moderation_mode = ModerationMode.PRE
    team.save(update_fields=["moderation_mode"])
    assert badge(lead_client) == 0
    story = StoryFactory(team=team, author=member, status=Status.PENDING)
    story.submit(by=member)
    assert badge(lead_client) == 1


def test_it_counts_again_after_a_flag_and_its_dismissal(lead_client, lead, team, flagger):
    story = StoryFactory(team=team)
    assert badge(lead_client) == 0
    story.flag(by=flagger, reason=FlagReason.OTHER)
    assert badge(lead_client) == 1
    story.dismiss_flags(by=lead)
    assert badge(lead_client) == 0
