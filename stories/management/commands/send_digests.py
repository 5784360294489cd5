"""Every scheduled notification, then one digest mail per person. Idempotent: run it from cron.

    */30 * * * *  cd /srv/service-retro && .venv/bin/python manage.py send_digests

It finds what is due (action items due within 2 days or overdue, last month's retro from the
first working day of a month, karma follow-ups), records each once, queues one mail per
person with everything waiting for them, and re-queues failed mail whose retry time has come.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from stories.notifications import outbox, scheduled
from stories.notifications.digest import mail_everyone_waiting


class Command(BaseCommand):
    help = "Record due notifications (action items, retro ready, karma) and mail one digest per person."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--skip-karma", action="store_true", help="Leave karma follow-ups to karma_reminders."
        )

    def handle(self, *args: Any, skip_karma: bool = False, **options: Any) -> None:
        actions = scheduled.collect_action_items()
        retros = scheduled.collect_retro_ready()
        karma = 0 if skip_karma else scheduled.collect_karma()["sent"]
        retried = outbox.requeue_due()
        people = mail_everyone_waiting()
        self.stdout.write(
            f"New notifications: {actions} action item(s), {retros} retro(s) ready, {karma} karma follow-up(s). "
            f"Digests queued for {people} person(s); {retried} failed mail(s) retried."
        )
