"""State changes of Retro, RetroVote and ActionItem: votes, close/reopen and action items."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from stories.core.months import month_after, month_before
from stories.models import ActionItem, Retro, RetroVote, Status
from stories.retros.models import ActionItemConflict, RetroStateError
from tests.factories import ActionItemFactory, RetroFactory, StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def retro(team, last_month):
    return RetroFactory(team=team, month=last_month)


def test_it_counts_months_across_the_year_end():
    assert month_after(dt.date(2025, 12, 1)) == dt.date(2026, 1, 1)
    assert month_before(dt.date(2026, 1, 1)) == dt.date(2025, 12, 1)


def test_it_allows_three_votes_per_member_and_no_more(retro, member, month_stories):
    for story in month_stories[:3]:
        retro.vote(story, by=member)
    with pytest.raises(RetroStateError, match="3 votes"):
        retro.vote(month_stories[3], by=member)
    assert RetroVote.objects.filter(retro=retro, voter=member).count() == 3
    assert retro.votes_left_for(member) == 0


def test_it_makes_voting_twice_for_the_same_story_a_no_op(retro, member, month_stories):
    first = retro.vote(month_stories[0], by=member)
    again = retro.vote(month_stories[0], by=member)
    assert first.pk == again.pk
    assert retro.votes_left_for(member) == 2


def test_it_gives_the_vote_back_when_the_story_is_hidden(retro, member, month_stories, lead):
    for story in month_stories[:3]:
        retro.vote(story, by=member)
    month_stories[0].hide(by=lead, reason="personal data")
    assert retro.votes_left_for(member) == 1


def test_it_unvotes(retro, member, month_stories):
    retro.vote(month_stories[0], by=member)
    assert retro.unvote(month_stories[0], by=member) is True
    assert retro.unvote(month_stories[0], by=member) is False
    assert not RetroVote.objects.exists()


def test_it_refuses_votes_for_stories_of_another_month_or_team_or_unpublished(
    retro, member, team, other_team, last_month
):
    other_month = StoryFactory(team=team, happened_on=month_before(last_month))
    other_team_story = StoryFactory(team=other_team, happened_on=last_month)
    pending = StoryFactory(team=team, happened_on=last_month, status=Status.PENDING)
    for story in (other_month, other_team_story, pending):
        with pytest.raises(RetroStateError):
            retro.vote(story, by=member)
    assert not RetroVote.objects.exists()


def test_it_closes_with_a_snapshot_and_refuses_a_second_close(retro, lead):
    retro.close(by=lead, snapshot={"figures": {"n": 1}})
    retro.refresh_from_db()
    assert retro.is_closed and retro.closed_by == lead and retro.snapshot == {"figures": {"n": 1}}
    stale = Retro.objects.get(pk=retro.pk)
    stale.closed_at = None
    with pytest.raises(RetroStateError):
        stale.close(by=lead, snapshot={"figures": {"n": 2}})
    retro.refresh_from_db()
    assert retro.snapshot == {"figures": {"n": 1}}


def test_it_reopens_and_forgets_the_snapshot(retro, lead):
    retro.close(by=lead, snapshot={"figures": {}})
    retro.reopen(by=lead)
    retro.refresh_from_db()
    assert not retro.is_closed and retro.snapshot is None and retro.closed_by is None
    with pytest.raises(RetroStateError):
        retro.reopen(by=lead)


def test_it_freezes_votes_notes_and_new_items_when_closed(retro, lead, member, month_stories):
    retro.close(by=lead, snapshot={"figures": {}})
    with pytest.raises(RetroStateError):
        retro.vote(month_stories[0], by=member)
    with pytest.raises(RetroStateError):
        retro.unvote(month_stories[0], by=member)
    with pytest.raises(RetroStateError):
        retro.save_notes("late thoughts", base_version=retro.notes_version, by=lead)
    with pytest.raises(RetroStateError):
        retro.add_action_item(text="Too late", owner=None, due_on=None, by=member)


def test_it_completes_and_reopens_an_item_once(retro, member):
    item = ActionItemFactory(retro=retro)
    assert item.complete(by=member) is True
    first_done = ActionItem.objects.get(pk=item.pk).done_at
    assert item.complete(by=member) is False
    assert ActionItem.objects.get(pk=item.pk).done_at == first_done
    assert item.reopen(by=member) is True
    assert ActionItem.objects.get(pk=item.pk).done_at is None


def test_it_edits_by_compare_and_set(retro, member, lead):
    item = ActionItemFactory(retro=retro, text="Call back")
    item.edit(text="Call back today", owner=member, due_on=dt.date(2030, 1, 2), base_version=0, by=lead)
    item.refresh_from_db()
    assert (item.text, item.owner, item.due_on, item.version) == (
        "Call back today",
        member,
        dt.date(2030, 1, 2),
        1,
    )
    stale = ActionItem.objects.get(pk=item.pk)
    with pytest.raises(ActionItemConflict):
        stale.edit(text="Older idea", owner=None, due_on=None, base_version=0, by=member)
    assert ActionItem.objects.get(pk=item.pk).text == "Call back today"


def test_it_carries_open_items_of_earlier_months_first(team, last_month, member):
    earlier = RetroFactory(team=team, month=month_before(month_before(last_month)))
    previous = RetroFactory(team=team, month=month_before(last_month))
    current = RetroFactory(team=team, month=last_month)
    later = RetroFactory(team=team, month=month_after(last_month))
    own = ActionItemFactory(retro=current, text="this month's")
    carried_old = ActionItemFactory(retro=earlier, text="oldest, still open")
    carried = ActionItemFactory(retro=previous, text="last month's, still open")
    done_before = ActionItemFactory(retro=previous, text="done before this month")
    done_before.done_at = dt.datetime.combine(last_month, dt.time.min, tzinfo=team.zone) - dt.timedelta(
        hours=1
    )
    done_before.save(update_fields=["done_at"])
    ActionItemFactory(retro=later, text="a later month's")
    items = list(ActionItem.objects.for_retro_page(team, last_month))
    assert items == [carried_old, carried, own]
    assert [item.is_carried_into(last_month) for item in items] == [True, True, False]


def test_it_keeps_a_carried_item_listed_in_the_month_it_was_done(team, last_month, member):
    previous = RetroFactory(team=team, month=month_before(last_month))
    item = ActionItemFactory(retro=previous)
    with time_machine.travel(
        dt.datetime.combine(last_month, dt.time(12), tzinfo=team.zone) + dt.timedelta(days=3)
    ):
        item.complete(by=member)
    assert list(ActionItem.objects.for_retro_page(team, last_month)) == [item]
    assert list(ActionItem.objects.for_retro_page(team, month_after(last_month))) == []


def test_it_has_readable_names(retro, month_stories, member):
    vote = retro.vote(month_stories[0], by=member)
    assert str(retro) == f"Front Desk retro {retro.month:%Y-%m}"
    assert month_stories[0].title in str(vote)
    assert str(ActionItemFactory(retro=retro, text="Call back")) == "Call back"
