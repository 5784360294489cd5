"""karma_reminders: one bad story is logged and skipped; every other author is still reminded."""

from __future__ import annotations

from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from stories.models import KarmaReminder
from stories.notifications import scheduled
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _run() -> str:
    out = StringIO()
    call_command("karma_reminders", stdout=out)
    return out.getvalue()


def test_it_mails_a_title_with_a_line_break_on_one_line_and_goes_on(story_ago, team, frozen):
    # Written before titles were kept to one line (the factory skips the form).
    story_ago(31, title="Refund\r\nBcc: everyone@example.com")
    other = UserFactory(username="after", email="after@example.com")
    MembershipFactory(user=other, team=team)
    story_ago(31, author=other, title="The next author's story")

    summary = _run()

    assert sorted(message.subject for message in mail.outbox) == [
        "Did anything come of “Refund Bcc: everyone@example.com”? (30 days on)",
        "Did anything come of “The next author's story”? (30 days on)",
    ]
    assert summary.startswith("Sent 2 karma reminder(s)")


def test_it_logs_and_skips_a_story_that_fails_and_retries_it_next_run(story_ago, team, frozen, caplog):
    broken = story_ago(31, title="Breaks the reminder")
    other = UserFactory(username="after", email="after@example.com")
    MembershipFactory(user=other, team=team)
    story_ago(31, author=other, title="Goes out anyway")
    real_notify = scheduled._notify_karma

    def notify(story, milestone):
        if story.pk == broken.pk:
            raise ValueError("a bad row")
        real_notify(story, milestone)

    out = StringIO()
    with (
        mock.patch.object(scheduled, "_notify_karma", side_effect=notify),
        pytest.raises(CommandError, match="1 karma reminder"),
    ):
        call_command("karma_reminders", stdout=out)

    assert [message.subject for message in mail.outbox] == [
        "Did anything come of “Goes out anyway”? (30 days on)"
    ]
    assert "1 failed" in out.getvalue()
    assert f"story {broken.pk} failed" in caplog.text
    assert not KarmaReminder.objects.filter(story=broken).exists()
    mail.outbox.clear()
    _run()
    assert [message.subject for message in mail.outbox] == [
        "Did anything come of “Breaks the reminder”? (30 days on)"
    ]
