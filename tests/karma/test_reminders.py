"""manage.py karma_reminders: one reminder per story and milestone, however often it runs; the mail joins the digest."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from stories.karma.models import close_karma
from stories.models import KarmaReminder, MailStatus, Notification, NotificationKind, OutgoingMail
from tests.factories import SequelLinkFactory, StoryFactory, UserFactory
from tests.karma.conftest import FROZEN_NOW

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("karma_reminders", *args, stdout=out)
    return out.getvalue()


def test_it_sends_one_mail_however_often_it_runs(story_ago, member, frozen, settings):
    settings.SITE_URL = "https://retro.example.com"
    story = story_ago(31, title="Late-night key cutting", went_beyond=True)

    first = _run()
    second = _run()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "Late-night key cutting" in message.subject
    assert f"https://retro.example.com/stories/new/?sequel_of={story.pk}" in message.body
    assert "30 days" in message.body
    assert list(KarmaReminder.objects.values_list("milestone", "skipped")) == [(30, False)]
    assert first.startswith("Sent 1 karma reminder(s)")
    assert second.startswith("Sent 0 karma reminder(s)")


def test_it_sends_each_milestone_once_as_days_pass(team, member):
    with time_machine.travel(FROZEN_NOW, tick=False) as traveller:
        StoryFactory(team=team, author=member, happened_on=FROZEN_NOW.date())
        for _ in range(100):
            traveller.shift(dt.timedelta(days=1))
            _run()

    assert [m.subject.rsplit("(", 1)[1] for m in mail.outbox] == ["30 days on)", "60 days on)", "90 days on)"]


def test_it_sends_only_the_highest_milestone_first_seen_and_skips_the_lower(story_ago, frozen):
    story_ago(95)

    _run()

    assert len(mail.outbox) == 1
    assert "90 days" in mail.outbox[0].subject
    assert set(KarmaReminder.objects.values_list("milestone", "skipped")) == {
        (30, True),
        (60, True),
        (90, False),
    }


def test_it_leaves_out_stories_with_a_sequel_closed_too_young_or_too_old(story_ago, member, frozen):
    followed = story_ago(40)
    SequelLinkFactory(original=followed, sequel=story_ago(2))
    close_karma(story_ago(40), by=member)
    story_ago(29)
    story_ago(200)

    _run()

    assert mail.outbox == []


def test_it_tells_authors_without_an_e_mail_address_in_the_app_only(story_ago, frozen):
    author = UserFactory(email="")
    story_ago(40, author=author)

    summary = _run()

    assert mail.outbox == []
    assert "1 in the app only" in summary
    assert Notification.objects.get(user=author).kind == NotificationKind.KARMA_FOLLOWUP
    assert KarmaReminder.objects.filter(milestone=30).exists()


def test_it_sends_and_records_nothing_on_a_dry_run(story_ago, member, frozen):
    story_ago(65, title="The lost umbrella")

    output = _run("--dry-run")

    assert mail.outbox == []
    assert not KarmaReminder.objects.exists()
    assert f"60 days: “The lost umbrella” → {member.email}" in output
    assert "Would send 1 karma reminder(s); 1 earlier milestone(s) skipped" in output


def test_it_keeps_a_mail_it_cannot_send_for_the_retry(story_ago, frozen, monkeypatch):
    story_ago(40)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    _run()
    _run()

    # Recorded once; the mail waits in the outbox and send_digests retries it (tests/notifications).
    assert KarmaReminder.objects.filter(milestone=30).count() == 1
    failed = OutgoingMail.objects.get()
    assert (failed.status, failed.attempts) == (MailStatus.FAILED, 1)
    assert "30 days" in failed.body
