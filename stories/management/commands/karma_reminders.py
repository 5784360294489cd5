"""E-mail authors whose watched stories reached 30, 60 or 90 days without a sequel.

Safe to run from cron as often as you like (hourly is plenty):

    */30 * * * *  cd /srv/service-retro && .venv/bin/python manage.py karma_reminders

* A story is due when it is on the karma watchlist (published, "went beyond" or good service
  we gave, no published sequel, not marked "nothing came of it", inside the 180-day window)
  and has reached a milestone (by happened_on against its team's today) with no reminder
  recorded for that milestone.
* Each (story, milestone) gets at most one KarmaReminder row (a unique constraint). The row is
  written in the same transaction as the e-mail is sent: a second run, or a run racing this
  one, finds the row and sends nothing. If sending fails the row is rolled back and the next
  run tries again.
* A story first seen past several milestones (say at 75 days) gets one e-mail, for the highest
  it reached (60); the lower ones (30) are recorded as skipped, never sent later.
* Authors without an e-mail address, or inactive, are left out (and counted in the summary).
* One story that cannot be mailed (a bad row, a refused address) is logged and skipped; every
  other author is still reminded, and the next run tries that story again.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse

from stories.core.text import one_line
from stories.karma.figures import milestone_for, watchlist
from stories.karma.models import WATCH_MILESTONES
from stories.models import KarmaReminder, Story, Team

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "E-mail authors whose stories reached 30/60/90 days without a sequel (each milestone once)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List the reminders that are due; send and record nothing."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        tally: Counter[str] = Counter()
        for team in Team.objects.order_by("pk"):
            for story in self._due_stories(team):
                try:
                    self._remind(team, story, dry_run=dry_run, tally=tally)
                except Exception:
                    # Isolate the row: its milestone was rolled back with it, so a later run retries.
                    logger.exception(
                        "Karma reminder for story %s failed; carrying on with the others", story.pk
                    )
                    tally["failed"] += 1
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {tally['sent']} karma reminder(s); {tally['skipped']} earlier milestone(s) skipped; "
            f"{tally['no_email']} story(ies) left out: author without an e-mail address; "
            f"{tally['raced']} already sent by another run; {tally['failed']} failed (see the log)."
        )
        if tally["failed"]:
            # After the others are done: a non-zero exit, so cron tells someone.
            raise CommandError(
                f"{tally['failed']} karma reminder(s) could not be sent; the next run retries them."
            )

    def _due_stories(self, team: Team) -> Any:
        # The whole watchlist of the team: it is bounded by the 180-day window.
        return (
            watchlist(team, team.today())
            .select_related("author", "team")
            .prefetch_related(
                Prefetch("karma_reminders", queryset=KarmaReminder.objects.only("story_id", "milestone"))
            )
        )

    def _remind(self, team: Team, story: Story, *, dry_run: bool, tally: Counter[str]) -> None:
        milestone = milestone_for((team.today() - story.happened_on).days)
        done = {reminder.milestone for reminder in story.karma_reminders.all()}
        if milestone is None or milestone in done:
            return
        author = story.author
        if not author.email or not author.is_active:
            tally["no_email"] += 1
            return
        skipped = [m for m in WATCH_MILESTONES if m < milestone and m not in done]
        if dry_run:
            self.stdout.write(f"  {milestone} days: “{one_line(story.title)}” → {author.email}")
            tally["sent"] += 1
            tally["skipped"] += len(skipped)
            return
        try:
            with transaction.atomic():
                KarmaReminder.objects.create(story=story, milestone=milestone)
                KarmaReminder.objects.bulk_create(
                    [KarmaReminder(story=story, milestone=m, skipped=True) for m in skipped],
                    ignore_conflicts=True,
                )
                self._send(story, milestone)
        except IntegrityError:
            # Another run recorded this milestone first, and so sent it.
            tally["raced"] += 1
            return
        tally["sent"] += 1
        tally["skipped"] += len(skipped)

    def _send(self, story: Story, milestone: int) -> None:
        site = settings.SITE_URL.rstrip("/")
        context = {
            "story": story,
            "milestone": milestone,
            "name": story.author.get_short_name() or story.author.get_username(),
            "story_url": site + story.get_absolute_url(),
            "sequel_url": f"{site}{reverse('story_create')}?sequel_of={story.pk}",
            "karma_url": site + reverse("karma", args=[story.team.slug]),
        }
        send_mail(
            # One line whatever the title holds: a CR/LF in a header is refused outright.
            subject=one_line(render_to_string("karma/reminder_subject.txt", context)),
            message=render_to_string("karma/reminder_email.txt", context),
            from_email=None,
            recipient_list=[story.author.email],
            fail_silently=False,
        )
