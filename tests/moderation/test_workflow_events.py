"""What each of the author's moves writes: the story's status, its reason and its one event.

Every expected value is written out: a submitted story in a pre-moderated team waits with no
reason, in a post-moderated one it is published at once, and personal data holds it in either
with the reason "personal data", on the story and in its history alike.
"""

from __future__ import annotations

import datetime as dt

import pytest

from stories.core.figure_cache import team_figure
from stories.models import FlagReason, IllegalTransition, ModerationAction, ModerationMode, Status, Story
from stories.moderation.moves import HoldsPersonalData
from stories.notifications.models import Notification, NotificationKind
from stories.retros import live
from tests.conftest import PINNED_NOW
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


def _event_row(event):
    return (event.action, event.from_status, event.to_status, event.reason, event.actor)


def _submitted(make_story, team, mode, **submit):
    team.moderation_mode = mode
    team.save()
    story = make_story(Status.PENDING)
    event = story.submit(by=story.author, **submit)
    return Story.objects.get(pk=story.pk), event


def test_it_holds_a_story_of_a_pre_moderated_team_without_a_reason(make_story, team, member):
    story, event = _submitted(make_story, team, ModerationMode.PRE)

    assert (story.status, story.status_reason, story.published_at) == (Status.PENDING, "", None)
    assert _event_row(event) == (ModerationAction.SUBMIT, "", Status.PENDING, "", member)


def test_it_publishes_a_story_of_a_post_moderated_team_at_once(make_story, team, member):
    story, event = _submitted(make_story, team, ModerationMode.POST)

    assert (story.status, story.status_reason) == (Status.PUBLISHED, "")
    assert PINNED_NOW <= story.published_at < PINNED_NOW + dt.timedelta(minutes=1)
    assert _event_row(event) == (ModerationAction.SUBMIT, "", Status.PUBLISHED, "", member)


@pytest.mark.parametrize("mode", [ModerationMode.PRE, ModerationMode.POST])
def test_it_holds_a_story_with_personal_data_in_any_team_and_says_why(make_story, team, member, mode):
    story, event = _submitted(make_story, team, mode, personal_data=True)

    assert (story.status, story.status_reason, story.published_at) == (Status.PENDING, "personal data", None)
    assert _event_row(event) == (ModerationAction.HOLD, "", Status.PENDING, "personal data", member)


@pytest.mark.parametrize(
    ("status", "action"),
    [(Status.PENDING, ModerationAction.EDIT), (Status.REJECTED, ModerationAction.RESUBMIT)],
)
def test_it_holds_an_edit_that_keeps_personal_data_with_the_reason_in_the_history(
    make_story, member, status, action
):
    story = make_story(status, status_reason="Too vague" if status == Status.REJECTED else "")

    event = story.record_edit(by=member, personal_data=True)

    story.refresh_from_db()
    assert (story.status, story.status_reason) == (Status.PENDING, "personal data")
    assert _event_row(event) == (action, status, Status.PENDING, "personal data", member)


def test_it_resubmits_with_personal_data_held_for_that_reason(make_story, member):
    story = make_story(Status.WITHDRAWN)

    event = story.resubmit(by=member, personal_data=True)

    story.refresh_from_db()
    assert (story.status, story.status_reason) == (Status.PENDING, "personal data")
    assert _event_row(event) == (
        ModerationAction.RESUBMIT,
        Status.WITHDRAWN,
        Status.PENDING,
        "personal data",
        member,
    )


@pytest.mark.parametrize(("first", "now"), [("approve", "published"), ("reject", "rejected")])
def test_it_names_the_status_another_moderator_left_the_story_in(pending, lead, moderator, first, now):
    theirs = Story.objects.get(pk=pending.pk)
    if first == "approve":
        pending.approve(by=lead)
    else:
        pending.reject(by=lead, reason="Please name the principle.")

    with pytest.raises(IllegalTransition) as refused:
        theirs.approve(by=moderator)

    assert str(refused.value) == f"Someone else already decided this story: it is now {now}."


def test_it_says_the_story_is_gone_when_it_was_deleted_meanwhile(pending, moderator):
    theirs = Story.objects.get(pk=pending.pk)
    Story.objects.filter(pk=pending.pk).delete()

    with pytest.raises(IllegalTransition) as refused:
        theirs.approve(by=moderator)

    assert str(refused.value) == "Someone else already decided this story: it is now gone."


@pytest.mark.parametrize(("country", "refused"), [("ES", True), ("", False)])
def test_it_holds_back_a_number_only_the_team_country_makes_a_phone(make_story, team, lead, country, refused):
    team.country = country
    team.save()
    story = make_story(Status.PENDING, what_happened="Ring her back on 612 345 678 tomorrow.")

    if refused:
        assert story.publishing_refusal_for(lead) == (
            "This story still holds personal data: redact it first, or ask a moderator."
        )
        with pytest.raises(HoldsPersonalData):
            story.approve(by=lead)
    else:
        assert story.publishing_refusal_for(lead) is None
        story.approve(by=lead)
    story.refresh_from_db()
    assert story.status == (Status.PENDING if refused else Status.PUBLISHED)


@pytest.mark.parametrize(
    ("decision", "told"),
    [
        ("dismiss_flags", NotificationKind.FLAG_DECIDED),
        ("restore", NotificationKind.FLAG_DECIDED),
        ("approve", NotificationKind.STORY_PUBLISHED),
        ("reject", NotificationKind.STORY_SENT_BACK),
        ("hide", NotificationKind.STORY_HIDDEN),
    ],
)
def test_it_does_not_tell_a_lead_who_decides_on_their_own_story(
    team, lead, colleague, member, decision, told
):
    for author in (lead, member):
        if decision in ("approve", "reject"):
            story = StoryFactory(team=team, author=author, status=Status.PENDING, published_at=None)
        elif decision == "hide":
            story = StoryFactory(team=team, author=author)
        else:
            story = StoryFactory(team=team, author=author)
            story.flag(by=colleague, reason=FlagReason.UNFAIR)
            if decision == "restore":
                story.hide(by=lead, reason="Looking into it.")
        if decision in ("reject", "hide"):
            getattr(story, decision)(by=lead, reason="Please name the principle.")
        else:
            getattr(story, decision)(by=lead)

    assert list(Notification.objects.filter(kind=told).values_list("user__username", flat=True)) == [
        member.username
    ]


@pytest.mark.parametrize("held_first", [True, False])
def test_it_reads_the_text_of_the_story_being_approved_not_another_waiting_one(make_story, lead, held_first):
    """Two stories wait, one holding a card number; in either order of writing, approving the
    clean one reads its own text."""
    texts = ["Card 4111 1111 1111 1111 read out.", "Nothing personal here."]
    stories = [
        make_story(Status.PENDING, what_happened=text) for text in (texts if held_first else texts[::-1])
    ]
    held, clean = stories if held_first else stories[::-1]

    clean.approve(by=lead)
    with pytest.raises(HoldsPersonalData):
        held.approve(by=lead)


def test_it_hides_without_a_reason_when_none_is_given(make_story, lead):
    story = make_story(Status.PUBLISHED)

    event = story.hide(by=lead)

    story.refresh_from_db()
    assert (story.status, story.status_reason) == (Status.HIDDEN, "")
    assert _event_row(event) == (ModerationAction.HIDE, Status.PUBLISHED, Status.HIDDEN, "", lead)


def test_it_records_who_resolved_the_flags_by_redacting(make_story, colleague, lead):
    story = make_story(Status.PUBLISHED, what_happened="Card 4111 1111 1111 1111 read out.")
    story.flag(by=colleague, reason=FlagReason.UNFAIR)

    story.redact(by=lead)

    assert list(story.flags.values_list("resolved_by__username", flat=True)) == [lead.username]


@pytest.mark.parametrize(("decision", "told"), [("reject", "sent back to you"), ("hide", "hidden")])
def test_it_tells_the_author_the_reason_for_sending_a_story_away(make_story, lead, member, decision, told):
    story = make_story(Status.PENDING if decision == "reject" else Status.PUBLISHED, title="Late parcel")

    getattr(story, decision)(by=lead, reason="Please name the principle.")

    assert list(Notification.objects.filter(user=member).values_list("title", "body")) == [
        (f"Your story “Late parcel” was {told}.", "Reason: Please name the principle.")
    ]


@pytest.mark.parametrize("comment", [{}, {"comment": None}, {"comment": "  Names Sam.  "}])
def test_it_records_a_flag_with_its_reason_in_words_everywhere(make_story, colleague, member, comment):
    story = make_story(Status.PUBLISHED, title="Late parcel")

    flag = story.flag(by=colleague, reason=FlagReason.UNFAIR, **comment)

    assert flag.comment == ("Names Sam." if comment.get("comment") else "")
    assert _event_row(story.events.get()) == (
        ModerationAction.FLAG,
        Status.PUBLISHED,
        Status.PUBLISHED,
        "Unfair to a colleague",
        colleague,
    )
    assert list(Notification.objects.filter(user=member).values_list("title", "body")) == [
        ("Your story “Late parcel” was flagged for a moderator.", "Reason: Unfair to a colleague")
    ]


def test_it_refuses_a_flag_on_a_stale_copy_of_a_story_hidden_meanwhile(make_story, colleague, lead):
    make_story(Status.PUBLISHED)  # another published story of the team
    story = make_story(Status.PUBLISHED)
    stale = Story.objects.get(pk=story.pk)
    story.hide(by=lead, reason="Looking into it.")

    with pytest.raises(IllegalTransition) as refused:
        stale.flag(by=colleague, reason=FlagReason.OFFENSIVE)

    assert str(refused.value) == "Someone else already decided this story: it is now hidden."
    assert not story.flags.exists()


def test_it_resolves_only_the_flags_of_the_story_decided(make_story, colleague, lead):
    decided, other = make_story(Status.PUBLISHED), make_story(Status.PUBLISHED)
    for story in (decided, other):
        story.flag(by=colleague, reason=FlagReason.OFFENSIVE)

    decided.hide(by=lead, reason="Looking into it.")

    assert list(decided.flags.values_list("resolved_by__username", flat=True)) == [lead.username]
    assert list(other.flags.values_list("resolved_at", flat=True)) == [None]


def test_it_announces_a_change_to_its_month_and_to_the_figures_of_each_team_named(
    make_story, team, other_team, django_capture_on_commit_callbacks
):
    story = make_story(Status.PUBLISHED, happened_on=dt.date(2026, 5, 20))
    may = dt.date(2026, 5, 1)
    computed = []

    def figure(team_id):
        return team_figure(team_id, "probe", compute=lambda: computed.append(team_id))

    for team_id in (team.pk, other_team.pk):
        figure(team_id)
    live.bump(team.pk, may)  # counters start from the clock: set them all first
    before = live.versions(team.pk, may)

    with django_capture_on_commit_callbacks(execute=True):
        story.announce_change(other_team.pk)

    after = live.versions(team.pk, may)
    # Bumped now and again on commit; only the votes changed.
    assert {part: after[part] - before[part] for part in after} == {
        "votes": 2,
        "notes": 0,
        "step": 0,
        "actions": 0,
    }
    for team_id in (team.pk, other_team.pk):
        figure(team_id)
    assert computed == [team.pk, other_team.pk, team.pk, other_team.pk]


def test_it_records_no_actor_for_someone_not_signed_in(member):
    from django.contrib.auth.models import AnonymousUser

    from stories.moderation.workflow import acting_user

    assert (acting_user(AnonymousUser()), acting_user(None), acting_user(member)) == (None, None, member)
