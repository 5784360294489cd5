"""An anonymous story's author is named nowhere a non-moderator can reach.

The author of every story of the world below shares anonymously and has a name found nowhere
else. The URL walk (tests/url_walk.py) then opens every page, htmx fragment and export, and
posts to every action, as every non-moderator; the karma reminders and the digests are sent.
Mail is read where it is written, the outbox (OutgoingMail) and every notification row, whether
or not a worker has sent it yet, as well as what was sent. A page, fragment, e-mail or
notification added tomorrow is walked tomorrow.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from stories.notifications.models import MailStatus, Notification, NotificationKind, OutgoingMail
from tests.bodies import text_of
from tests.url_walk import HTMX, World, build_world, client_for, url_cases

FIRST, LAST = "Zebulon", "Quirkfeather"
USERNAME = "walk-author"

# Everyone but moderators. The author is left out: the name in their own menu is their own.
NON_MODERATORS = ("anonymous", "outsider", "member", "lead", "other_lead")

# Pickers of people (an action item's owner) list the team's members, the author among them:
# that says who is in the team, not who wrote what.
MEMBER_PICKER = re.compile(r"<option\b[^>]*>.*?</option>", re.DOTALL)
# The members page lists the team and its membership changes by name, for the same reason
# (its "last story" counts signed stories only: tests/members).
MEMBER_LIST = re.compile(r'<table\b[^>]*id="(?:members|membership-log)".*?</table>', re.DOTALL)

# Where the anonymous story must be on show, or the walk would prove nothing.
SHOWS_THE_STORY = {"story_list", "story_detail", "retro_detail", "retro_markdown", "retro_csv", "karma"}


@pytest.fixture
def world(db: Any) -> World:
    return build_world(anonymous=True, author_name=(FIRST, LAST))


def _names_in(content: str) -> list[str]:
    content = MEMBER_LIST.sub("", MEMBER_PICKER.sub("", content))
    return [name for name in (FIRST, LAST, USERNAME) if name.lower() in content.lower()]


def test_it_names_the_author_of_an_anonymous_story_nowhere(world: World) -> None:
    title = world.stories["published"].title
    leaks, shown = [], set()
    for role in NON_MODERATORS:
        client = client_for(world, role)
        for case in url_cases(world, stories=world.stories):
            if not case.reads:
                continue
            for headers in ({}, HTMX) if case.htmx else ({},):
                content = text_of(client.get(case.url, **headers))
                leaks += [f"GET {case.url} ({case.story}) as {role}: {n}" for n in _names_in(content)]
                if role == "member" and title in content:
                    shown.add(case.name)
    assert not leaks, "\n".join(leaks)
    assert shown >= SHOWS_THE_STORY, f"the anonymous story is not on: {SHOWS_THE_STORY - shown}"


def test_it_names_the_author_in_no_fragment_an_action_answers_with(world: World) -> None:
    """Votes, flags, notes, links...: each POST's answer, plain and htmx, for every non-moderator."""
    leaks = []
    for role in NON_MODERATORS:
        client = client_for(world, role)
        for case in url_cases(world):
            if "POST" not in case.methods:
                continue
            for headers in ({}, HTMX):
                response = client.post(
                    case.url, {"reason": "other", "text": "Call back", "notes": "n"}, **headers
                )
                leaks += [f"POST {case.url} as {role}: {n}" for n in _names_in(text_of(response))]
    leaks += _mail_leaks(world)
    assert not leaks, "\n".join(leaks)


def test_it_names_the_author_in_no_mail_to_anyone_else(world: World) -> None:
    with open("/dev/null", "w") as quiet:
        call_command("karma_reminders", stdout=quiet)
        call_command("send_digests", stdout=quiet)
    author = world.users["author"]
    # The author's own reminder is sent and queued: the e-mail path really ran.
    assert any(message.to == [author.email] for message in mail.outbox)
    assert OutgoingMail.objects.filter(to=author.email).exists()
    leaks = _mail_leaks(world)
    assert not leaks, "\n".join(leaks)


def test_it_reads_a_mail_still_waiting_in_the_outbox(world: World) -> None:
    """The control for the mail check: a queued, never-sent mail or notification naming the author is caught."""
    member = world.users["member"]
    OutgoingMail.objects.create(to=member.email, subject="Digest", body=f"From {FIRST}", user=member)
    Notification.objects.create(user=member, kind=NotificationKind.KARMA_FOLLOWUP, title=f"{LAST} wrote")
    leaks = _mail_leaks(world)
    assert OutgoingMail.objects.get(body=f"From {FIRST}").status == MailStatus.QUEUED
    assert len(leaks) == 2, leaks


def _mail_leaks(world: World) -> list[str]:
    """The name in any e-mail or notification for someone but the author: sent, queued or in the bell."""
    author = world.users["author"]
    sent = [
        f"mail to {message.to}: {name}"
        for message in mail.outbox
        if message.to != [author.email]
        for name in _names_in(message.subject + message.body)
    ]
    queued = [
        f"outbox mail {row.pk} ({row.status}) to {row.to}: {name}"
        for row in OutgoingMail.objects.exclude(to=author.email)
        for name in _names_in(row.subject + row.body)
    ]
    notified = [
        f"notification {row.pk} ({row.kind}) for {row.user}: {name}"
        for row in Notification.objects.exclude(user=author).select_related("user")
        for name in _names_in(f"{row.title} {row.body} {row.url}")
    ]
    return sent + queued + notified


def test_it_names_the_author_to_a_moderator(world: World) -> None:
    """The control: the name is in the world, so its absence above means something."""
    case = next(case for case in url_cases(world) if case.name == "story_detail")
    assert FIRST in text_of(client_for(world, "moderator").get(case.url))
