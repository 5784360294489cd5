"""Karma follow-ups: authors whose watched stories reached 30, 60 or 90 days without a sequel.

Safe to run from cron as often as you like; `send_digests` runs it too, with everything else:

    */30 * * * *  cd /srv/service-retro && .venv/bin/python manage.py karma_reminders

* A story is due when it is on the karma watchlist and has reached a milestone (by happened_on
  against its team's today) with no reminder recorded for that milestone.
* Each (story, milestone) gets one KarmaReminder row and one notification, in one transaction;
  a second run, or a run racing this one, finds the row and records nothing.
* A story first seen past several milestones (say at 75 days) gets the highest it reached
  (60); the lower ones are recorded as skipped, never sent later.
* The e-mail joins the digest: one mail per person per run, however many stories are due.
  An author without an e-mail address gets the notification in the app only.
* One story that cannot be recorded (a bad row) is logged and skipped; every other author is
  still reminded, the run exits non-zero so cron tells someone, and the next run retries it.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from stories.notifications.digest import mail_everyone_waiting
from stories.notifications.scheduled import collect_karma


class Command(BaseCommand):
    help = "Notify authors whose stories reached 30/60/90 days without a sequel (each milestone once)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List the reminders that are due; send and record nothing."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        tally = collect_karma(dry_run=dry_run, out=self.stdout)
        mails = 0 if dry_run else mail_everyone_waiting()
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {tally['sent']} karma reminder(s); {tally['skipped']} earlier milestone(s) skipped; "
            f"{tally['no_email']} in the app only: author without an e-mail address; "
            f"{tally['raced']} already sent by another run; {tally['failed']} failed (see the log); "
            f"{mails} digest mail(s) queued."
        )
        if tally["failed"]:
            # After the others are done: a non-zero exit, so cron tells someone.
            raise CommandError(f"{tally['failed']} karma reminder(s) failed; the next run retries them.")
