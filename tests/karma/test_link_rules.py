"""SequelLink rules: same team, date order, no cycles, only people who can see both stories."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError

from stories.models import SequelLink, SequelOutcome, Status
from tests.factories import MembershipFactory, SequelLinkFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def _codes(error: ValidationError) -> set[str]:
    return {e.code for e in error.error_list}


def test_it_links_a_later_story_of_the_same_team(team, member, story_ago):
    original, sequel = story_ago(40), story_ago(10)

    link = SequelLink.link(original=original, sequel=sequel, outcome=SequelOutcome.REFERRAL, by=member)

    assert (link.original, link.sequel, link.created_by, link.days_between) == (original, sequel, member, 30)


def test_it_allows_several_sequels_and_a_sequel_on_the_same_day(member, story_ago):
    original = story_ago(40)
    SequelLink.link(original=original, sequel=story_ago(40), outcome=SequelOutcome.THANKS, by=member)
    SequelLink.link(original=original, sequel=story_ago(5), outcome=SequelOutcome.BIGGER_ORDER, by=member)

    assert original.sequel_links.count() == 2


def test_it_refuses_a_story_of_another_team(member, story_ago, other_team):
    MembershipFactory(user=member, team=other_team)
    elsewhere = StoryFactory(team=other_team, author=member)

    with pytest.raises(ValidationError) as caught:
        SequelLink.link(original=story_ago(40), sequel=elsewhere, outcome=SequelOutcome.REFERRAL, by=member)

    assert _codes(caught.value) == {"other_team"}
    assert "same team" in caught.value.messages[0]


def test_it_refuses_a_sequel_that_happened_before_the_original(member, story_ago):
    with pytest.raises(ValidationError) as caught:
        SequelLink.link(
            original=story_ago(10), sequel=story_ago(40), outcome=SequelOutcome.REFERRAL, by=member
        )

    assert _codes(caught.value) == {"before_original"}
    assert "cannot happen before" in caught.value.messages[0]


def test_it_checks_a_sequel_still_being_written_by_its_team_and_date(team, other_team, member, story_ago):
    original = story_ago(10)
    SequelLink.check_link(original, team=team, happened_on=original.happened_on, user=member)

    with pytest.raises(ValidationError) as caught:
        SequelLink.check_link(
            original, team=other_team, happened_on=original.happened_on - dt.timedelta(days=1), user=member
        )

    assert _codes(caught.value) == {"other_team", "before_original"}


@pytest.mark.parametrize("chain_length", [1, 2, 4])
def test_it_refuses_a_link_that_would_close_a_loop(member, story_ago, chain_length):
    # Same-day stories are the only way a loop could respect the date rule.
    chain = [story_ago(20) for _ in range(chain_length + 1)]
    for earlier, later in itertools.pairwise(chain):
        SequelLinkFactory(original=earlier, sequel=later)

    with pytest.raises(ValidationError) as caught:
        SequelLink.link(original=chain[-1], sequel=chain[0], outcome=SequelOutcome.OTHER, by=member)

    assert _codes(caught.value) == {"cycle"}
    assert "loop" in caught.value.messages[0]


def test_it_refuses_a_story_as_its_own_sequel_and_a_duplicate(member, story_ago):
    original, sequel = story_ago(20), story_ago(10)
    SequelLinkFactory(original=original, sequel=sequel)

    with pytest.raises(ValidationError) as own:
        SequelLink.link(original=original, sequel=original, outcome=SequelOutcome.OTHER, by=member)
    with pytest.raises(ValidationError) as twice:
        SequelLink.link(original=original, sequel=sequel, outcome=SequelOutcome.OTHER, by=member)

    assert _codes(own.value) == {"self"}
    assert _codes(twice.value) == {"duplicate"}


def test_it_refuses_people_who_cannot_see_both_stories(team, member, outsider, story_ago):
    someone = UserFactory()
    pending_of_someone = story_ago(5, author=someone, status=Status.PENDING)

    with pytest.raises(ValidationError) as outside:
        SequelLink.link(
            original=story_ago(20), sequel=story_ago(10), outcome=SequelOutcome.THANKS, by=outsider
        )
    with pytest.raises(ValidationError) as unseen_sequel:
        SequelLink.link(
            original=story_ago(20), sequel=pending_of_someone, outcome=SequelOutcome.THANKS, by=member
        )

    assert _codes(outside.value) == {"not_visible"}
    assert _codes(unseen_sequel.value) == {"not_visible"}
    assert not SequelLink.objects.exists()


def test_it_lets_an_author_follow_up_their_own_unpublished_story_but_no_one_elses(
    team, member, lead, story_ago
):
    own_pending = story_ago(20, status=Status.PENDING)  # the member's own
    SequelLink.check_link(own_pending, team=team, happened_on=own_pending.happened_on, user=member)

    with pytest.raises(ValidationError) as caught:
        # The lead may see it (to moderate it) but it is not published.
        SequelLink.check_link(own_pending, team=team, happened_on=own_pending.happened_on, user=lead)

    assert _codes(caught.value) == {"original_not_published"}


def test_it_enforces_the_rules_in_clean(member, story_ago):
    link = SequelLink(
        original=story_ago(5), sequel=story_ago(30), outcome=SequelOutcome.OTHER, created_by=member
    )

    with pytest.raises(ValidationError) as caught:
        link.full_clean()

    assert "cannot happen before" in " ".join(caught.value.messages)


def test_it_refuses_an_unknown_outcome(member, story_ago):
    with pytest.raises(ValidationError):
        SequelLink.link(original=story_ago(20), sequel=story_ago(10), outcome="lottery", by=member)
