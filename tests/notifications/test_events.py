"""Each event notification, in the app and by e-mail, and each one's opt-out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail

from stories.models import FlagReason, Notification, NotificationKind, Status
from tests.factories import RetroFactory

pytestmark = pytest.mark.django_db


def _published(make_story: Any, lead: Any, colleague: Any) -> None:
    make_story(Status.PENDING, title="The late parcel").approve(by=lead)


def _sent_back(make_story: Any, lead: Any, colleague: Any) -> None:
    make_story(Status.PENDING, title="The late parcel").reject(by=lead, reason="Leave the guest's name out.")


def _hidden(make_story: Any, lead: Any, colleague: Any) -> None:
    make_story(Status.PUBLISHED, title="The late parcel").hide(by=lead, reason="Not a service story.")


def _flagged(make_story: Any, lead: Any, colleague: Any) -> None:
    make_story(Status.PUBLISHED, title="The late parcel").flag(by=colleague, reason=FlagReason.UNFAIR)


def _flag_decided(make_story: Any, lead: Any, colleague: Any) -> None:
    story = make_story(Status.PUBLISHED, title="The late parcel")
    story.flag(by=colleague, reason=FlagReason.UNFAIR)
    Notification.objects.all().delete()
    mail.outbox.clear()
    story.dismiss_flags(by=lead)


def _assigned(make_story: Any, lead: Any, colleague: Any) -> None:
    retro = RetroFactory(team=lead.memberships.get().team)
    retro.add_action_item(text="The late parcel", owner=_member(lead), due_on=None, by=lead)


def _member(lead: Any) -> Any:
    return lead.memberships.get().team.memberships.get(user__username="member").user


EVENTS = [
    (NotificationKind.STORY_PUBLISHED, _published, "was published"),
    (NotificationKind.STORY_SENT_BACK, _sent_back, "Leave the guest's name out."),
    (NotificationKind.STORY_HIDDEN, _hidden, "Not a service story."),
    (NotificationKind.STORY_FLAGGED, _flagged, "Unfair to a colleague"),
    (NotificationKind.FLAG_DECIDED, _flag_decided, "it stays published"),
    (NotificationKind.ACTION_ASSIGNED, _assigned, "assigned to you"),
]


@pytest.mark.parametrize(("kind", "event", "text"), EVENTS, ids=[e[0] for e in EVENTS])
def test_it_tells_the_person_in_the_app_and_by_mail(kind, event, text, make_story, lead, colleague, member):
    event(make_story, lead, colleague)

    notification = Notification.objects.get(user=member)
    assert notification.kind == kind
    assert text in notification.title + notification.body
    assert "The late parcel" in notification.title
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert text in mail.outbox[0].subject + mail.outbox[0].body
    assert "Cole" not in mail.outbox[0].body and "Leo" not in mail.outbox[0].body  # deciders stay unnamed


@pytest.mark.parametrize(("kind", "event", "text"), EVENTS, ids=[e[0] for e in EVENTS])
def test_it_leaves_the_bell_alone_when_switched_off(
    kind, event, text, make_story, lead, colleague, member, mute
):
    mute(member, kind, "app")
    event(make_story, lead, colleague)

    assert not Notification.objects.filter(user=member, in_app=True).exists()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(("kind", "event", "text"), EVENTS, ids=[e[0] for e in EVENTS])
def test_it_sends_no_mail_when_switched_off(kind, event, text, make_story, lead, colleague, member, mute):
    mute(member, kind, "email")
    event(make_story, lead, colleague)

    assert Notification.objects.get(user=member).in_app
    assert mail.outbox == []


def test_it_does_not_tell_people_what_they_did_themselves(make_story, member, lead):
    retro = RetroFactory(team=lead.memberships.get().team)
    retro.add_action_item(text="Mine", owner=lead, due_on=dt.date(2030, 1, 1), by=lead)
    make_story(Status.PENDING, author=lead).approve(by=lead)
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_it_tells_a_new_owner_once_when_an_item_is_reassigned(member, lead, colleague):
    item = RetroFactory(team=lead.memberships.get().team).add_action_item(
        text="Call back", owner=None, due_on=None, by=lead
    )
    for owner, due_on in ((member, None), (member, dt.date(2030, 1, 1)), (colleague, None)):
        item.edit(text=item.text, owner=owner, due_on=due_on, base_version=item.version, by=lead)
    assert list(Notification.objects.values_list("user__username", flat=True).order_by("pk")) == [
        "member",
        "colleague",
    ]
