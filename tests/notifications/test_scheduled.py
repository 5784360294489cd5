"""manage.py send_digests: due action items, last month's retro, karma; once each, one mail per person."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from stories.models import Notification, NotificationKind, Retro, RetroVote
from tests.factories import ActionItemFactory, MembershipFactory, RetroFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db
# A Wednesday, noon in London.
NOW = dt.datetime(2025, 6, 18, 12, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


def _run() -> str:
    out = StringIO()
    call_command("send_digests", stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _item(team, owner, due_in_days, **fields):
    retro = Retro.objects.get_or_create(team=team, month=TODAY.replace(day=1))[0]
    return ActionItemFactory(
        retro=retro, owner=owner, due_on=TODAY + dt.timedelta(days=due_in_days), **fields
    )


def test_it_tells_owners_of_items_due_in_2_days_and_overdue_once(team, member):
    _item(team, member, 2, text="Call the supplier")
    _item(team, member, -1, text="Fix the sign")
    _item(team, member, 3, text="Not yet")
    done = _item(team, member, -5, text="Done already")
    done.complete(by=member)

    _run()
    _run()

    kinds = dict(Notification.objects.values_list("kind", "title"))
    assert kinds[NotificationKind.ACTION_DUE] == f"Due on {TODAY + dt.timedelta(days=2)}: “Call the supplier”"
    assert (
        "Overdue since" in kinds[NotificationKind.ACTION_OVERDUE]
        and "Fix the sign" in kinds[NotificationKind.ACTION_OVERDUE]
    )
    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "2 updates from Service Retro"


@pytest.mark.parametrize("kind", [NotificationKind.ACTION_DUE, NotificationKind.ACTION_OVERDUE])
def test_each_action_item_kind_can_be_switched_off(team, member, mute, kind):
    mute(member, kind, "app")
    mute(member, kind, "email")
    _item(team, member, 1)
    _item(team, member, -1)
    _run()
    assert set(Notification.objects.values_list("kind", flat=True)) == {
        NotificationKind.ACTION_DUE,
        NotificationKind.ACTION_OVERDUE,
    } - {kind}


def test_it_tells_each_member_last_months_retro_is_ready_with_its_top_stories(team, member, lead, frozen):
    june = dt.date(2025, 6, 1)
    top = StoryFactory(
        team=team, author=member, happened_on=june + dt.timedelta(days=3), title="The umbrella man"
    )
    StoryFactory(team=team, author=member, happened_on=june + dt.timedelta(days=9), title="The late parcel")
    RetroVote.objects.create(retro=RetroFactory(team=team, month=june), story=top, voter=lead)

    frozen.move_to(dt.datetime(2025, 7, 1, 12, tzinfo=dt.UTC))  # a Tuesday: the first working day
    _run()
    _run()

    ready = Notification.objects.filter(kind=NotificationKind.RETRO_READY)
    assert sorted(ready.values_list("user__username", flat=True)) == ["lead", "member"]
    body = ready.get(user=member).body
    assert body.index("The umbrella man") < body.index("The late parcel")
    assert ready.get(user=member).url == "/teams/front-desk/retros/2025-06/"


def test_it_waits_for_the_first_working_day(team, member, frozen):
    StoryFactory(team=team, author=member, happened_on=dt.date(2025, 10, 20))
    frozen.move_to(dt.datetime(2025, 11, 2, 12, tzinfo=dt.UTC))  # Sunday 2 November
    _run()
    assert not Notification.objects.exists()
    frozen.move_to(dt.datetime(2025, 11, 3, 12, tzinfo=dt.UTC))  # Monday
    _run()
    assert Notification.objects.get().kind == NotificationKind.RETRO_READY


def test_retro_ready_can_be_switched_off(team, member, mute, frozen):
    mute(member, NotificationKind.RETRO_READY, "app")
    mute(member, NotificationKind.RETRO_READY, "email")
    StoryFactory(team=team, author=member, happened_on=dt.date(2025, 5, 20))
    frozen.move_to(dt.datetime(2025, 6, 2, 12, tzinfo=dt.UTC))
    _run()
    assert not Notification.objects.exists()


def test_a_first_run_over_60_due_items_sends_one_mail_per_person(team, member, lead):
    people = [member, lead, UserFactory(username="third")]
    MembershipFactory(team=team, user=people[2])
    for index in range(60):
        owner = people[index % 3]
        if index % 2:
            _item(team, owner, -(index + 1))  # overdue
        else:
            StoryFactory(
                team=team, author=owner, went_beyond=True, happened_on=TODAY - dt.timedelta(days=31 + index)
            )

    summary = _run()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    for message in mail.outbox:
        waiting = Notification.objects.filter(user__email=message.to[0]).count()
        assert waiting >= 20  # its 20 items, and last month's retro
        assert message.subject == f"{waiting} updates from Service Retro"
        assert message.body.count("\n* ") == waiting
    assert "Digests queued for 3 person(s)" in summary
    _run()
    assert len(mail.outbox) == 3


def test_karma_follow_ups_join_the_digest(team, member, mute):
    _item(team, member, -1, text="Fix the sign")
    StoryFactory(team=team, author=member, went_beyond=True, happened_on=TODAY - dt.timedelta(days=31))

    _run()

    assert len(mail.outbox) == 1
    assert "Fix the sign" in mail.outbox[0].body and "30 days" in mail.outbox[0].body


def test_karma_follow_ups_can_be_switched_off(team, member, mute):
    mute(member, NotificationKind.KARMA_FOLLOWUP, "email")
    StoryFactory(team=team, author=member, went_beyond=True, happened_on=TODAY - dt.timedelta(days=31))
    _run()
    assert all("30 days" not in message.body for message in mail.outbox)
    assert Notification.objects.get(kind=NotificationKind.KARMA_FOLLOWUP).in_app
