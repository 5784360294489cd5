"""What the scheduled jobs find due: action items, last month's retro, karma follow-ups.

Each collector records notifications with a key that makes it once-only, so a job can run as
often as cron likes; the mail goes out afterwards as one digest per person (digest.py).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from stories.core.months import month_before
from stories.core.text import one_line
from stories.karma.figures import milestone_for, watchlist
from stories.karma.models import WATCH_MILESTONES
from stories.models import ActionItem, KarmaReminder, Membership, Story, Team
from stories.notifications.models import NotificationKind
from stories.notifications.notify import language_of, notify

log = logging.getLogger(__name__)
DUE_SOON_DAYS = 2
TOP_STORIES = 3


def collect_action_items() -> int:
    """Owners of open items due within 2 days, or overdue: once per item and due date."""
    made = 0
    for team in Team.objects.order_by("pk"):
        today = team.today()
        items = (
            ActionItem.objects.open()
            .filter(
                team=team,
                owner__isnull=False,
                owner__is_active=True,
                due_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS),
            )
            .select_related("owner", "retro", "team")
        )
        for item in items:
            assert item.due_on is not None and item.owner is not None
            overdue = item.due_on < today
            kind = NotificationKind.ACTION_OVERDUE if overdue else NotificationKind.ACTION_DUE
            with translation.override(language_of(item.owner)):
                template = (
                    _("Overdue since %(date)s: “%(text)s”") if overdue else _("Due on %(date)s: “%(text)s”")
                )
                title = template % {"date": item.due_on.isoformat(), "text": item.text}
            url = reverse("retro_detail", args=[team.slug, item.retro.month])
            key = f"{kind}:{item.pk}:{item.due_on.isoformat()}"
            made += notify(item.owner, kind, title=title, url=url, key=key) is not None
    return made


def first_working_day(month_start: dt.date) -> dt.date:
    day = month_start
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def collect_retro_ready() -> int:
    """From the first working day of a month, each member hears last month's retro is ready (once)."""
    made = 0
    for team in Team.objects.order_by("pk"):
        today = team.today()
        this_month = today.replace(day=1)
        if today < first_working_day(this_month):
            continue
        last_month = month_before(this_month)
        top = list(
            Story.objects.published()
            .filter(team=team)
            .in_month(last_month)
            .annotate(votes=Count("retro_votes"))
            .order_by("-votes", "-published_at", "pk")[:TOP_STORIES]
        )
        if not top:
            continue
        url = reverse("retro_detail", args=[team.slug, last_month])
        for membership in Membership.objects.filter(team=team, user__is_active=True).select_related("user"):
            user = membership.user
            with translation.override(language_of(user)):
                title = _("%(team)s: the retro of %(month)s is ready") % {
                    "team": team.name,
                    "month": last_month.strftime("%B %Y"),
                }
                body = render_to_string("notifications/retro_ready.txt", {"stories": top})
            key = f"retro_ready:{team.pk}:{last_month:%Y-%m}"
            made += (
                notify(user, NotificationKind.RETRO_READY, title=title, body=body, url=url, key=key)
                is not None
            )
    return made


def collect_karma(*, dry_run: bool = False, out: Any = None) -> Counter[str]:
    """Authors whose watched stories reached 30, 60 or 90 days without a sequel.

    Each (story, milestone) gets one KarmaReminder row (a unique constraint), written in the
    same transaction as the notification. A story first seen past several milestones gets the
    highest; the lower ones are recorded as skipped, never sent later.
    """
    tally: Counter[str] = Counter()
    for team in Team.objects.order_by("pk"):
        today = team.today()
        stories = (
            watchlist(team, today)
            .select_related("author", "team")
            .prefetch_related(
                Prefetch("karma_reminders", queryset=KarmaReminder.objects.only("story_id", "milestone"))
            )
        )
        for story in stories:
            try:
                _karma_one(story, (today - story.happened_on).days, dry_run=dry_run, out=out, tally=tally)
            except Exception:
                # Isolate the row: its milestone was rolled back with it, so a later run retries.
                log.exception("Karma reminder for story %s failed; carrying on with the others", story.pk)
                tally["failed"] += 1
    return tally


def _karma_one(story: Story, age: int, *, dry_run: bool, out: Any, tally: Counter[str]) -> None:
    milestone = milestone_for(age)
    done = {reminder.milestone for reminder in story.karma_reminders.all()}  # type: ignore[attr-defined]
    author = story.author
    if milestone is None or milestone in done or not author.is_active:
        return
    skipped = [m for m in WATCH_MILESTONES if m < milestone and m not in done]
    if not author.email:
        tally["no_email"] += 1
    if dry_run:
        if out is not None:
            out.write(
                f"  {milestone} days: “{one_line(story.title)}” → {author.email or author.get_username()}\n"
            )
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
            _notify_karma(story, milestone)
    except IntegrityError:
        tally["raced"] += 1  # another run recorded this milestone first
        return
    tally["sent"] += 1
    tally["skipped"] += len(skipped)


def _notify_karma(story: Story, milestone: int) -> None:
    author = story.author
    sequel_url = f"{reverse('story_create')}?sequel_of={story.pk}"
    context = {"story": story, "milestone": milestone, "sequel_url": sequel_url}
    with translation.override(language_of(author)):
        title = render_to_string("karma/reminder_subject.txt", context).strip()
        body = render_to_string("karma/reminder_email.txt", context).strip()
    notify(
        author,
        NotificationKind.KARMA_FOLLOWUP,
        title=title,
        body=body,
        url=sequel_url,
        key=f"karma:{story.pk}:{milestone}",
    )
