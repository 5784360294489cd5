"""The story state machine: every move legal and illegal, the concurrent decision, the audit log."""

from __future__ import annotations

import itertools

import pytest

from stories.models import (
    Flag,
    FlagReason,
    IllegalTransition,
    ModerationAction,
    ModerationEvent,
    Status,
    Story,
)
from stories.moderation.moves import HoldsPersonalData
from tests.moderation.conftest import CARD, EMAIL

ALL_STATUSES = list(Status)

# method, who calls it, the statuses it is allowed from, where it leads, the event it writes.
MOVES = {
    "approve": ("lead", {Status.PENDING}, Status.PUBLISHED, ModerationAction.APPROVE),
    "reject": ("lead", {Status.PENDING}, Status.REJECTED, ModerationAction.REJECT),
    "hide": ("lead", {Status.PUBLISHED}, Status.HIDDEN, ModerationAction.HIDE),
    "restore": ("lead", {Status.HIDDEN}, Status.PUBLISHED, ModerationAction.RESTORE),
    "withdraw": ("member", {Status.PENDING, Status.REJECTED}, Status.WITHDRAWN, ModerationAction.WITHDRAW),
    "resubmit": ("member", {Status.REJECTED, Status.WITHDRAWN}, Status.PENDING, ModerationAction.RESUBMIT),
}


def _call(story, method, user):
    if method == "reject":
        return story.reject(by=user, reason="Please name the principle.")
    if method == "hide":
        return story.hide(by=user, reason="Too raw for now.")
    return getattr(story, method)(by=user)


# Sorted: sets iterate in a per-process order, and xdist workers must collect the same list.
LEGAL = [(method, status) for method, (_, allowed, _, _) in MOVES.items() for status in sorted(allowed)]
ILLEGAL = [
    (method, status)
    for method, status in itertools.product(MOVES, ALL_STATUSES)
    if (method, status) not in LEGAL
]


@pytest.mark.parametrize(("method", "from_status"), LEGAL)
def test_it_makes_every_legal_move_with_exactly_one_event(method, from_status, make_story, request):
    who, _, to_status, action = MOVES[method]
    user = request.getfixturevalue(who)
    story = make_story(from_status)

    event = _call(story, method, user)

    story.refresh_from_db()
    assert story.status == to_status
    assert list(story.events.all()) == [event]
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        action,
        from_status,
        to_status,
        user,
    )


@pytest.mark.parametrize(("method", "from_status"), ILLEGAL)
def test_it_refuses_every_illegal_move_and_changes_nothing(method, from_status, make_story, request):
    who = MOVES[method][0]
    story = make_story(from_status)

    with pytest.raises(IllegalTransition) as refused:
        _call(story, method, request.getfixturevalue(who))

    assert f"a story that is {Status(from_status).label.lower()}" in str(refused.value)
    story.refresh_from_db()
    assert story.status == from_status
    assert not story.events.exists()


def test_it_explains_an_illegal_move_in_plain_words(make_story, lead):
    story = make_story(Status.WITHDRAWN)
    with pytest.raises(IllegalTransition, match=r"Cannot approve a story that is withdrawn\."):
        story.approve(by=lead)


def test_it_requires_a_reason_to_reject(pending, lead):
    with pytest.raises(IllegalTransition, match="reason"):
        pending.reject(by=lead, reason="   ")
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_it_shows_the_rejection_reason_and_clears_it_on_resubmit(pending, lead, member):
    pending.reject(by=lead, reason="Leave the customer's name out.")
    pending.refresh_from_db()
    assert pending.status_reason == "Leave the customer's name out."
    pending.resubmit(by=member)
    pending.refresh_from_db()
    assert pending.status_reason == ""


def test_it_lets_only_the_author_withdraw_or_resubmit(make_story, lead):
    with pytest.raises(IllegalTransition, match="Only the author"):
        make_story(Status.PENDING).withdraw(by=lead)
    with pytest.raises(IllegalTransition, match="Only the author"):
        make_story(Status.REJECTED).resubmit(by=lead)


def test_it_sets_published_at_once_and_keeps_it_on_restore(pending, lead):
    pending.approve(by=lead)
    first = Story.objects.get(pk=pending.pk).published_at
    pending.hide(by=lead)
    pending.restore(by=lead)
    assert first is not None
    assert Story.objects.get(pk=pending.pk).published_at == first


# --- the concurrent decision -------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [("approve", "approve"), ("approve", "reject"), ("reject", "approve"), ("reject", "reject")],
)
def test_it_tells_the_second_moderator_the_story_was_already_decided(first, second, pending, lead, moderator):
    mine = Story.objects.get(pk=pending.pk)
    theirs = Story.objects.get(pk=pending.pk)
    _call(mine, first, lead)
    decided = Story.objects.values("status", "status_reason", "updated_at").get(pk=pending.pk)

    with pytest.raises(IllegalTransition, match="already decided this story: it is now"):
        _call(theirs, second, moderator)

    assert Story.objects.values("status", "status_reason", "updated_at").get(pk=pending.pk) == decided
    assert pending.events.count() == 1
    assert pending.events.get().actor == lead


def test_it_refuses_a_stale_hide_after_a_restore_race(published, lead, moderator):
    mine = Story.objects.get(pk=published.pk)
    theirs = Story.objects.get(pk=published.pk)
    mine.hide(by=lead)
    with pytest.raises(IllegalTransition, match="already decided"):
        theirs.hide(by=moderator)
    assert published.events.count() == 1


# --- the author's edits --------------------------------------------------------------------


def test_it_records_an_edit_of_a_pending_story(pending, member):
    event = pending.record_edit(by=member)
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    assert (event.action, event.from_status, event.to_status) == (
        ModerationAction.EDIT,
        Status.PENDING,
        Status.PENDING,
    )


def test_it_resubmits_a_rejected_story_when_it_is_edited(make_story, member):
    story = make_story(Status.REJECTED, status_reason="Too vague")
    event = story.record_edit(by=member)
    story.refresh_from_db()
    assert story.status == Status.PENDING
    assert story.status_reason == ""
    assert event.action == ModerationAction.RESUBMIT
    assert story.events.count() == 1


def test_it_holds_an_edit_that_keeps_personal_data_and_releases_it_once_removed(pending, member):
    pending.record_edit(by=member, personal_data=True)
    pending.refresh_from_db()
    assert pending.status_reason == "personal data"
    pending.record_edit(by=member, personal_data=False)
    pending.refresh_from_db()
    assert pending.status_reason == ""


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.HIDDEN, Status.WITHDRAWN])
def test_it_refuses_to_record_an_edit_of_a_story_no_longer_editable(status, make_story, member):
    story = make_story(status)
    with pytest.raises(IllegalTransition):
        story.record_edit(by=member)
    assert not story.events.exists()


# --- audit completeness --------------------------------------------------------------------


def test_it_leaves_an_unbroken_history_through_a_whole_life(team, member, lead, moderator, colleague):
    from tests.factories import StoryFactory

    story = StoryFactory(team=team, author=member, status=Status.PENDING, published_at=None)
    story.submit(by=member)  # the team is post-moderated: published at once
    story.flag(by=lead, reason=FlagReason.UNFAIR, comment="Names a colleague.")
    story.hide(by=moderator, reason="Unfair to Sam.")
    story.restore(by=lead)
    story.flag(by=lead, reason=FlagReason.OFFENSIVE)
    story.dismiss_flags(by=moderator)
    story.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)  # hides it too
    story.restore(by=moderator)  # held for personal data: a moderator's call

    events = list(story.events.order_by("created_at", "pk"))
    assert [e.action for e in events] == [
        ModerationAction.SUBMIT,
        ModerationAction.FLAG,
        ModerationAction.HIDE,
        ModerationAction.RESTORE,
        ModerationAction.FLAG,
        ModerationAction.DISMISS_FLAGS,
        ModerationAction.FLAG,
        ModerationAction.HIDE,
        ModerationAction.RESTORE,
    ]
    # Each event starts where the one before it ended: no move went unrecorded.
    assert all(a.to_status == b.from_status for a, b in itertools.pairwise(events))
    assert events[-1].to_status == Story.objects.get(pk=story.pk).status
    # People act, except the automatic hide that follows a personal-data flag.
    assert [e.actor is None for e in events].count(True) == 1
    assert events[7].actor is None
    # Every status change is exactly one event.
    assert sum(e.from_status != e.to_status for e in events) == 5


def test_it_never_deletes_a_story_with_a_history(pending, lead):
    from django.db.models import ProtectedError

    pending.approve(by=lead)
    with pytest.raises(ProtectedError):
        pending.delete()
    assert ModerationEvent.objects.filter(story=pending).count() == 1


# --- flags -----------------------------------------------------------------------------------


def test_it_lets_a_member_flag_a_published_story(published, colleague, lead):
    flag = published.flag(by=colleague, reason=FlagReason.UNFAIR, comment="It names Sam.")
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert (flag.raised_by, flag.reason, flag.comment, flag.resolved_at) == (
        colleague,
        FlagReason.UNFAIR,
        "It names Sam.",
        None,
    )
    event = published.events.get()
    assert (event.action, event.from_status, event.to_status) == (
        ModerationAction.FLAG,
        Status.PUBLISHED,
        Status.PUBLISHED,
    )
    assert list(Story.objects.awaiting_moderation_for(lead)) == [published]


def test_it_hides_a_story_flagged_for_personal_data_until_a_moderator_decides(published, colleague, lead):
    published.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)
    published.refresh_from_db()
    assert published.status == Status.HIDDEN
    assert published.status_reason == "personal data"
    assert [e.action for e in published.events.all()] == [ModerationAction.FLAG, ModerationAction.HIDE]
    assert list(Story.objects.awaiting_moderation_for(lead)) == [published]
    assert not Story.objects.visible_to(colleague).filter(pk=published.pk).exists()


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.HIDDEN, Status.WITHDRAWN])
def test_it_refuses_to_flag_a_story_that_is_not_published(status, make_story, colleague):
    story = make_story(status)
    with pytest.raises(IllegalTransition, match="Cannot flag"):
        story.flag(by=colleague, reason=FlagReason.OTHER)
    assert not Flag.objects.exists()


def test_it_refuses_flags_from_outsiders_and_unknown_reasons(published, outsider, colleague):
    with pytest.raises(IllegalTransition, match="members of the team"):
        published.flag(by=outsider, reason=FlagReason.OTHER)
    with pytest.raises(IllegalTransition, match="Choose why"):
        published.flag(by=colleague, reason="boring")
    assert not Flag.objects.exists()


@pytest.mark.parametrize("reason", list(FlagReason))
def test_it_refuses_a_flag_from_the_author_of_the_story(reason, published, member, colleague):
    assert not published.can_be_flagged_by(member)
    assert published.can_be_flagged_by(colleague)
    with pytest.raises(IllegalTransition, match="cannot flag your own story"):
        published.flag(by=member, reason=reason)
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert not Flag.objects.exists()
    assert not published.events.exists()


def test_it_keeps_one_open_flag_per_member(published, colleague):
    published.flag(by=colleague, reason=FlagReason.OTHER, comment="first")
    with pytest.raises(IllegalTransition, match="already flagged"):
        published.flag(by=colleague, reason=FlagReason.OFFENSIVE)
    assert Flag.objects.count() == 1
    assert published.events.count() == 1


@pytest.mark.parametrize("decision", ["hide", "dismiss_flags"])
def test_it_resolves_the_flags_when_a_moderator_decides(decision, published, colleague, lead, moderator):
    published.flag(by=colleague, reason=FlagReason.OFFENSIVE)
    published.flag(by=lead, reason=FlagReason.OTHER)
    getattr(published, decision)(by=moderator)
    assert not Flag.objects.filter(resolved_at__isnull=True).exists()
    assert set(Flag.objects.values_list("resolved_by", flat=True)) == {moderator.pk}
    assert not Story.objects.awaiting_moderation_for(moderator).exists()


def test_it_resolves_personal_data_flags_on_restore(published, colleague, moderator):
    published.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)
    published.restore(by=moderator)
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert not Flag.objects.filter(resolved_at__isnull=True).exists()


def test_it_tells_a_second_dismissal_that_it_was_already_decided(published, colleague, lead, moderator):
    published.flag(by=colleague, reason=FlagReason.OTHER)
    theirs = Story.objects.get(pk=published.pk)
    published.dismiss_flags(by=lead)
    with pytest.raises(IllegalTransition, match="already decided"):
        theirs.dismiss_flags(by=moderator)
    assert published.events.filter(action=ModerationAction.DISMISS_FLAGS).count() == 1


# --- publishing personal data: a moderator's call -----------------------------------------------

STILL_HOLDS = "This story still holds personal data: redact it first, or ask a moderator."


@pytest.fixture
def held_with_card(make_story):
    """What the guard does with a story kept with a card number in it: held, pending."""
    return make_story(Status.PENDING, what_happened=f"She read out {CARD}.", status_reason="personal data")


@pytest.fixture
def hidden_by_flag(make_story, colleague):
    story = make_story(Status.PUBLISHED, lesson=f"Mail {EMAIL} next time.")
    story.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)
    return story


def _unchanged(story, method, user):
    before = Story.objects.values().get(pk=story.pk)
    events = story.events.count()
    with pytest.raises(HoldsPersonalData) as refused:
        _call(story, method, user)
    assert Story.objects.values().get(pk=story.pk) == before
    assert story.events.count() == events
    return str(refused.value)


def test_it_refuses_a_lead_approving_a_story_that_holds_personal_data(held_with_card, lead):
    assert isinstance(HoldsPersonalData(), IllegalTransition)
    assert _unchanged(held_with_card, "approve", lead) == STILL_HOLDS
    assert held_with_card.publishing_refusal_for(lead) == STILL_HOLDS


def test_it_refuses_a_lead_restoring_a_story_hidden_by_a_personal_data_flag(hidden_by_flag, lead):
    assert _unchanged(hidden_by_flag, "restore", lead) == STILL_HOLDS


@pytest.mark.parametrize("method", ["approve", "restore"])
def test_it_refuses_a_lead_publishing_a_story_held_for_personal_data_it_cannot_see(method, make_story, lead):
    # A flag may point at what the detector misses ("her name is on it"): until someone
    # redacts, the hold stands.
    story = make_story(
        Status.PENDING if method == "approve" else Status.HIDDEN, status_reason="personal data"
    )
    assert "only a moderator can publish it" in _unchanged(story, method, lead)


@pytest.mark.parametrize("who", ["moderator", "superuser"])
def test_it_lets_a_moderator_publish_a_story_that_holds_personal_data(
    who, held_with_card, hidden_by_flag, request
):
    user = request.getfixturevalue(who)
    assert held_with_card.publishing_refusal_for(user) is None
    held_with_card.approve(by=user)
    hidden_by_flag.restore(by=user)
    assert set(Story.objects.values_list("status", flat=True)) == {Status.PUBLISHED}
    assert Story.objects.get(pk=held_with_card.pk).status_reason == ""


def test_it_lets_a_lead_approve_once_the_story_is_redacted(held_with_card, hidden_by_flag, lead):
    held_with_card.redact(by=lead)
    held_with_card.approve(by=lead)
    hidden_by_flag.redact(by=lead)
    hidden_by_flag.restore(by=lead)
    assert [e.action for e in held_with_card.events.all()] == [
        ModerationAction.REDACT,
        ModerationAction.APPROVE,
    ]
    assert set(Story.objects.values_list("status", flat=True)) == {Status.PUBLISHED}


def test_it_lets_a_lead_approve_once_the_author_took_the_personal_data_out(held_with_card, member, lead):
    Story.objects.filter(pk=held_with_card.pk).update(what_happened="She read out her card number.")
    held_with_card.refresh_from_db()
    held_with_card.record_edit(by=member, personal_data=False)
    held_with_card.approve(by=lead)
    assert Story.objects.get(pk=held_with_card.pk).status == Status.PUBLISHED


def test_it_checks_the_stored_text_not_a_copy_read_before_an_edit(pending, lead):
    mine = Story.objects.get(pk=pending.pk)  # the lead's page, read before the edit
    Story.objects.filter(pk=pending.pk).update(cost_note=f"Card {CARD}")
    with pytest.raises(HoldsPersonalData):
        mine.approve(by=lead)
    assert Story.objects.get(pk=pending.pk).status == Status.PENDING


def test_it_still_says_already_decided_when_someone_else_was_first(held_with_card, lead, moderator):
    mine = Story.objects.get(pk=held_with_card.pk)
    held_with_card.reject(by=moderator, reason="Please take the card number out.")
    with pytest.raises(IllegalTransition, match="already decided"):
        mine.approve(by=lead)
