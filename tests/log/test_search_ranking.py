"""Search results come best match first; without a search, newest first as ever."""

import datetime as dt

from django.utils import timezone

from tests.factories import StoryFactory
from tests.log.searching import found


def _days_ago(days):
    return timezone.localdate() - dt.timedelta(days=days)


def test_it_ranks_a_title_hit_above_a_text_hit(member_client, team):
    StoryFactory(
        team=team, title="A wet Tuesday", what_happened="We lent an umbrella.", happened_on=_days_ago(1)
    )
    StoryFactory(team=team, title="The umbrella", what_happened="It rained.", happened_on=_days_ago(9))
    assert found(member_client, "umbrella") == ["The umbrella", "A wet Tuesday"]


def test_it_ranks_a_lesson_hit_above_a_text_hit(member_client, team):
    StoryFactory(
        team=team, title="One", what_happened="An umbrella.", lesson="Rain.", happened_on=_days_ago(1)
    )
    StoryFactory(
        team=team, title="Two", what_happened="Rain.", lesson="An umbrella.", happened_on=_days_ago(9)
    )
    assert found(member_client, "umbrella") == ["Two", "One"]


def test_it_keeps_the_newest_first_order_without_a_search(member_client, team):
    StoryFactory(team=team, title="Older umbrella", happened_on=_days_ago(9))
    StoryFactory(team=team, title="Newer", happened_on=_days_ago(1))
    response = member_client.get("/stories/")
    assert [story.title for story in response.context["page"]] == ["Newer", "Older umbrella"]


def test_it_pages_through_ranked_results(member_client, team):
    for n in range(23):
        StoryFactory(team=team, title=f"Umbrella {n:02}", what_happened="Rain.")
    first = found(member_client, "umbrella")
    second = found(member_client, "umbrella", page="2")
    assert (len(first), len(second)) == (20, 3)
    assert not set(first) & set(second)
