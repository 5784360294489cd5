"""Background tasks (Django's Tasks API): run by `manage.py db_worker` in production."""

from __future__ import annotations

from django_tasks import task

from stories.notifications import digest, outbox


@task()
def send_outgoing_mail(mail_id: int) -> str:
    return outbox.deliver(mail_id)


@task()
def send_digest(user_id: int) -> int:
    """One mail with everything waiting for this person; 0 when another run already took it."""
    return digest.mail_waiting_notifications(user_id)
