"""karma_reminders: one bad story is logged and skipped; every other author is still reminded."""

from __future__ import annotations

from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from stories.models import KarmaReminder
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


def test_it_logs_and_skips_a_story_whose_mail_fails_and_retries_it_next_run(story_ago, team, frozen, caplog):
    broken = story_ago(31, title="Breaks the mailer")
    story_ago(31, title="Goes out anyway")
    real_send = "stories.management.commands.karma_reminders.send_mail"

    def send(**kwargs):
        if "Breaks the mailer" in kwargs["subject"]:
            raise OSError("mail server said no")
        mail.outbox.append(kwargs["subject"])

    out = StringIO()
    with mock.patch(real_send, side_effect=send), pytest.raises(CommandError, match="could not be sent"):
        call_command("karma_reminders", stdout=out)

    assert mail.outbox == ["Did anything come of “Goes out anyway”? (30 days on)"]
    assert "1 failed" in out.getvalue()
    assert f"story {broken.pk} failed" in caplog.text
    assert not KarmaReminder.objects.filter(story=broken).exists()
    mail.outbox.clear()
    _run()
    assert [message.subject for message in mail.outbox] == [
        "Did anything come of “Breaks the mailer”? (30 days on)"
    ]
