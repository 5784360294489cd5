"""Story.first_sequel_on and first_hit_on, stored for the karma figures, stay right."""

import pytest

from stories.models import FlagReason, SequelLink, SequelOutcome, Status, Story
from tests.factories import MembershipFactory, SequelLinkFactory, UserFactory


def dates(story):
    story = Story.objects.get(pk=story.pk)
    return story.first_sequel_on, story.first_hit_on


@pytest.fixture(autouse=True)
def _frozen(frozen):
    return frozen


def test_it_stores_the_first_published_sequel_and_hit(story_ago, member):
    original = story_ago(100, went_beyond=True)
    other = story_ago(50)
    hit = story_ago(40)
    SequelLink.link(original=original, sequel=other, outcome=SequelOutcome.OTHER, by=member)
    assert dates(original) == (other.happened_on, None)
    SequelLink.link(original=original, sequel=hit, outcome=SequelOutcome.REFERRAL, by=member)
    assert dates(original) == (other.happened_on, hit.happened_on)


def test_it_leaves_out_a_hit_after_the_window(story_ago):
    original = story_ago(300, went_beyond=True)
    late = story_ago(10)
    SequelLinkFactory(original=original, sequel=late, outcome=SequelOutcome.REFERRAL)
    assert dates(original) == (late.happened_on, None)


def test_it_follows_the_sequels_moderation(story_ago, team, lead):
    original = story_ago(100, went_beyond=True)
    sequel = story_ago(30)
    SequelLinkFactory(original=original, sequel=sequel, outcome=SequelOutcome.THANKS)
    assert dates(original) == (sequel.happened_on, sequel.happened_on)
    flagger = UserFactory()
    MembershipFactory(user=flagger, team=team)
    sequel.flag(by=flagger, reason=FlagReason.UNFAIR)
    sequel.hide(by=lead)
    assert dates(original) == (None, None)
    sequel.restore(by=lead)
    assert dates(original) == (sequel.happened_on, sequel.happened_on)


def test_it_ignores_an_unpublished_sequel_until_approved(story_ago, lead):
    original = story_ago(100)
    sequel = story_ago(20, status=Status.PENDING)
    SequelLinkFactory(original=original, sequel=sequel, outcome=SequelOutcome.CLIENT_RETURNED)
    assert dates(original) == (None, None)
    sequel.approve(by=lead)
    assert dates(original) == (sequel.happened_on, sequel.happened_on)


def test_it_forgets_a_deleted_link(story_ago):
    original = story_ago(100)
    link = SequelLinkFactory(original=original, sequel=story_ago(20), outcome=SequelOutcome.THANKS)
    link.delete()
    assert dates(original) == (None, None)


def test_it_stores_the_latest_published_sequel_for_the_ledger(story_ago, team, lead, member):
    original = story_ago(100)
    early, late = story_ago(60), story_ago(20)

    def latest():
        return Story.objects.get(pk=original.pk).latest_sequel_on

    SequelLink.link(original=original, sequel=early, outcome=SequelOutcome.THANKS, by=member)
    assert latest() == early.happened_on
    link = SequelLink.link(original=original, sequel=late, outcome=SequelOutcome.OTHER, by=member)
    assert latest() == late.happened_on
    flagger = UserFactory()
    MembershipFactory(user=flagger, team=team)
    late.flag(by=flagger, reason=FlagReason.UNFAIR)
    late.hide(by=lead)
    assert latest() == early.happened_on
    late.restore(by=lead)
    assert latest() == late.happened_on
    link.delete()
    assert latest() == early.happened_on
