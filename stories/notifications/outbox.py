"""Every e-mail goes through the outbox: a row first, then a background task sends it.

A send that fails stays in the outbox as "failed, will retry" with its error and a next
attempt time (1, 5, 25 minutes, then hourly). On a queue that can wait (the database backend)
the task re-enqueues itself for that time; `manage.py send_digests` also re-enqueues whatever
is due, so a worker that died mid-send or a backend that cannot wait loses nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone

from stories.notifications.models import STALE_SENDING, MailStatus, OutgoingMail

log = logging.getLogger(__name__)


def queue_mail(*, to: str, subject: str, body: str, user: Any = None) -> OutgoingMail:
    """Store the mail and enqueue its send (in the same transaction with the database queue)."""
    from stories.notifications.tasks import send_outgoing_mail

    mail = OutgoingMail.objects.create(to=to, subject=subject[:250], body=body, user=user)
    send_outgoing_mail.enqueue(mail.pk)
    return mail


def _claim(mail_id: int) -> bool:
    """Compare-and-set to "sending": two workers never send the same mail twice."""
    now = timezone.now()
    claimable = Q(status__in=[MailStatus.QUEUED, MailStatus.FAILED]) | Q(
        status=MailStatus.SENDING, last_attempt_at__lte=now - STALE_SENDING
    )
    return bool(
        OutgoingMail.objects.filter(claimable, pk=mail_id).update(
            status=MailStatus.SENDING, last_attempt_at=now, attempts=F("attempts") + 1
        )
    )


def deliver(mail_id: int) -> str:
    """Send one outbox mail; on failure record why and when to try again. Returns the new status."""
    if not _claim(mail_id):
        return "skipped"
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        EmailMessage(subject=mail.subject, body=mail.body, to=[mail.to]).send(fail_silently=False)
    except Exception as error:  # any transport error: the mail waits for its retry
        retry_at = timezone.now() + OutgoingMail.backoff(mail.attempts)
        OutgoingMail.objects.filter(pk=mail.pk).update(
            status=MailStatus.FAILED,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            next_attempt_at=retry_at,
        )
        log.warning("Mail %s to %s failed (attempt %s): %s", mail.pk, mail.to, mail.attempts, error)
        _schedule_retry(mail.pk, retry_at)
        return MailStatus.FAILED
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=MailStatus.SENT, sent_at=timezone.now(), next_attempt_at=None
    )
    return MailStatus.SENT


def _schedule_retry(mail_id: int, retry_at: Any) -> None:
    from stories.notifications.tasks import send_outgoing_mail

    backend = send_outgoing_mail.get_backend()
    if backend.supports_defer:
        send_outgoing_mail.using(run_after=retry_at).enqueue(mail_id)
    # Otherwise (tasks run at once in development) the next send_digests run picks it up.


def requeue_due(now: Any = None) -> int:
    """Enqueue again every failed mail whose retry time has come. Returns how many."""
    from stories.notifications.tasks import send_outgoing_mail

    now = now or timezone.now()
    ids = list(OutgoingMail.objects.due_for_retry(now).values_list("pk", flat=True))
    for mail_id in ids:
        send_outgoing_mail.enqueue(mail_id)
    return len(ids)
