"""Mail goes through the outbox and a task; a failed send is retried with backoff and never lost."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from stories.models import MailStatus, OutgoingMail
from stories.notifications import outbox

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2025, 6, 18, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def mail_server_down(monkeypatch):
    def broken(self, *args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    return monkeypatch


def test_it_keeps_every_mail_with_its_status(db):
    sent = outbox.queue_mail(to="a@example.com", subject="Hi", body="Hello")
    sent.refresh_from_db()
    assert (sent.status, sent.attempts, sent.sent_at is not None) == (MailStatus.SENT, 1, True)
    assert mail.outbox[0].subject == "Hi"


def test_a_failed_send_stays_visible_and_is_retried_with_backoff(mail_server_down):
    with time_machine.travel(NOW, tick=False) as clock:
        queued = outbox.queue_mail(to="a@example.com", subject="Hi", body="Hello")
        queued.refresh_from_db()
        assert (queued.status, queued.attempts) == (MailStatus.FAILED, 1)
        assert "mail server down" in queued.last_error
        assert queued.next_attempt_at == NOW + dt.timedelta(minutes=1)

        assert outbox.requeue_due() == 0  # not before its time
        clock.shift(dt.timedelta(minutes=1))
        assert outbox.requeue_due() == 1
        queued.refresh_from_db()
        assert (queued.attempts, queued.next_attempt_at) == (2, NOW + dt.timedelta(minutes=1 + 5))

        mail_server_down.undo()  # the server is back
        clock.shift(dt.timedelta(minutes=5))
        call_command("send_digests", stdout=StringIO())
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (MailStatus.SENT, 3)
    assert [m.subject for m in mail.outbox] == ["Hi"]


def test_the_backoff_grows_to_an_hour():
    assert [OutgoingMail.backoff(n).seconds for n in (1, 2, 3, 4, 9)] == [60, 300, 1500, 3600, 3600]


def test_a_mail_is_sent_once_even_if_two_workers_try(db):
    sent = outbox.queue_mail(to="a@example.com", subject="Hi", body="Hello")
    assert outbox.deliver(sent.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_a_send_that_died_mid_way_is_tried_again(db):
    with time_machine.travel(NOW, tick=False) as clock:
        stuck = OutgoingMail.objects.create(
            to="a@example.com",
            subject="Hi",
            body="Hello",
            status=MailStatus.SENDING,
            last_attempt_at=timezone.now(),
        )
        assert outbox.requeue_due() == 0
        clock.shift(dt.timedelta(minutes=11))
        assert outbox.requeue_due() == 1
    stuck.refresh_from_db()
    assert stuck.status == MailStatus.SENT


@pytest.fixture
def keep_connection(monkeypatch):
    """The worker drops stale connections between tasks; inside the test's transaction that
    would close the test's own connection (PostgreSQL), so here it keeps it."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)


def test_on_the_database_queue_a_failed_send_re_enqueues_itself_for_later(
    mail_server_down, settings, keep_connection
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with time_machine.travel(NOW, tick=False):
        queued = outbox.queue_mail(to="a@example.com", subject="Hi", body="Hello")
        assert OutgoingMail.objects.get().status == MailStatus.QUEUED  # nothing sent in the request
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    queued.refresh_from_db()
    assert queued.status == MailStatus.FAILED
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after == NOW + dt.timedelta(minutes=1)
    assert retry.args_kwargs == {"args": [queued.pk], "kwargs": {}}


def test_the_worker_drains_the_queue(settings, keep_connection):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for n in range(3):
        outbox.queue_mail(to=f"{n}@example.com", subject="Hi", body="Hello")
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert len(mail.outbox) == 3
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}
