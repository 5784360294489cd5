from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.core.months import has_ended, month_after
from stories.core.text import validate_one_line
from stories.log.models import Story
from stories.log.terms import Status
from stories.notifications import notify
from stories.retros import live
from stories.retros.live import bump_on_commit
from stories.teams.models import Team

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_VOTES_PER_MEMBER = 3
MONTH_RUNNING = _("This month has not ended yet: its retro can be closed once the month is over.")
# Facilitator notes: a TextField has no length of its own in the database; the form holds it.
NOTES_MAX = 10000


class RetroStateError(Exception):
    """A retro action the retro's current state does not allow (closed, out of votes, ...)."""


class NotesConflict(RetroStateError):
    """Someone saved newer notes: the writer merges instead of overwriting them."""

    def __init__(self, notes: str, version: int) -> None:
        super().__init__(
            _("Someone saved these notes while you were typing: merge the two texts, then save.")
        )
        self.notes, self.version = notes, version


class ActionItemConflict(RetroStateError):
    """Someone changed the item since the form was shown: nothing is overwritten."""

    def __init__(self, item: ActionItem) -> None:
        super().__init__(
            _("Someone changed this action item while you were editing it: check it and save again.")
        )
        self.item = item


class RetroQuerySet(models.QuerySet["Retro"]):
    def for_team(self, team: Team) -> RetroQuerySet:
        return self.filter(team=team)


class Retro(models.Model):
    """One team's retrospective for one month (the month is the team's, in its time zone)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="retros")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    notes = models.TextField(_("facilitator notes"), blank=True)
    # Compare-and-set counter: a save based on an older version is refused, never applied.
    notes_version = models.PositiveIntegerField(default=0, editable=False)
    meeting_step = models.CharField(_("meeting step"), max_length=20, blank=True)
    # The step timer: running until timer_ends_at, or paused with timer_left seconds.
    timer_ends_at = models.DateTimeField(null=True, blank=True)
    timer_left = models.PositiveIntegerField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Frozen figures and highlights, written when the retro closes, so later moderation
    # does not rewrite history.
    snapshot = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = RetroQuerySet.as_manager()

    class Meta:
        ordering = ["team__name", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["team", "month"], name="retro_unique_team_month"),
            models.CheckConstraint(condition=Q(month__day=1), name="retro_month_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.team} retro {self.month:%Y-%m}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def next_month(self) -> dt.date:
        return month_after(self.month)

    # --- state changes ----------------------------------------------------------------
    # Close and reopen are compare-and-set on closed_at: two leads clicking at once, the
    # second is told the retro already moved instead of overwriting the first's snapshot.

    def close(self, *, by: User, snapshot: Mapping[str, Any]) -> None:
        if not has_ended(self.team, self.month):
            # Closing freezes the figures: a running month would freeze half a month.
            raise RetroStateError(MONTH_RUNNING)
        now = timezone.now()
        changed = Retro.objects.filter(pk=self.pk, closed_at__isnull=True).update(
            closed_at=now, closed_by=by, snapshot=snapshot
        )
        if not changed:
            raise RetroStateError(_("This retro is already closed."))
        self.closed_at, self.closed_by, self.snapshot = now, by, snapshot  # type: ignore[assignment]
        bump_on_commit(self.team_id, self.month)

    def reopen(self, *, by: User) -> None:
        # The snapshot goes: a reopened retro is live again, and closing it anew freezes
        # the figures of that moment.
        changed = Retro.objects.filter(pk=self.pk, closed_at__isnull=False).update(
            closed_at=None, closed_by=None, snapshot=None
        )
        if not changed:
            raise RetroStateError(_("This retro is already open."))
        self.closed_at, self.closed_by, self.snapshot = None, None, None
        bump_on_commit(self.team_id, self.month)

    def save_notes(self, notes: str, *, base_version: int, by: User) -> None:
        """Save notes typed on top of base_version; a newer version is never overwritten."""
        notes = notes.strip()
        changed = Retro.objects.filter(pk=self.pk, notes_version=base_version, closed_at__isnull=True).update(
            notes=notes, notes_version=F("notes_version") + 1
        )
        if not changed:
            self._ensure_open()
            current = Retro.objects.values("notes", "notes_version").get(pk=self.pk)
            self.notes, self.notes_version = current["notes"], current["notes_version"]
            if self.notes == notes:
                return  # the same text saved twice (a blur and a click): nothing to merge
            raise NotesConflict(self.notes, self.notes_version)
        self.notes, self.notes_version = notes, base_version + 1
        bump_on_commit(self.team_id, self.month, live.NOTES)

    # --- the meeting: the room's step and its timer (every screen follows them) ---------

    def move_meeting(self, step: str, *, by: User) -> None:
        self.meeting_step, self.timer_ends_at, self.timer_left = step, None, None
        self.save(update_fields=["meeting_step", "timer_ends_at", "timer_left"])
        bump_on_commit(self.team_id, self.month, live.STEP)

    def start_timer(self, *, default_seconds: int, extra_seconds: int = 0) -> None:
        if self.timer_ends_at is not None:
            raise RetroStateError(_("The timer is already running."))
        left = self.timer_left if self.timer_left is not None else default_seconds
        self.timer_ends_at, self.timer_left = timezone.now() + dt.timedelta(seconds=left), None
        self._save_timer()

    def pause_timer(self, *, default_seconds: int = 0, extra_seconds: int = 0) -> None:
        if self.timer_ends_at is None:
            raise RetroStateError(_("The timer is not running."))
        self.timer_left = max(0, int((self.timer_ends_at - timezone.now()).total_seconds()))
        self.timer_ends_at = None
        self._save_timer()

    def extend_timer(self, *, default_seconds: int, extra_seconds: int) -> None:
        if self.timer_ends_at is not None:
            self.timer_ends_at = max(self.timer_ends_at, timezone.now()) + dt.timedelta(seconds=extra_seconds)
        else:
            self.timer_left = (
                self.timer_left if self.timer_left is not None else default_seconds
            ) + extra_seconds
        self._save_timer()

    def _save_timer(self) -> None:
        self.save(update_fields=["timer_ends_at", "timer_left"])
        bump_on_commit(self.team_id, self.month, live.STEP)

    def _ensure_open(self) -> None:
        if Retro.objects.filter(pk=self.pk, closed_at__isnull=False).exists():
            raise RetroStateError(_("This retro is closed: reopen it first."))

    def votes_left_for(self, user: User) -> int:
        return max(0, MAX_VOTES_PER_MEMBER - self.votes.for_voter(user).count())  # type: ignore[attr-defined]

    def vote(self, story: Story, *, by: User) -> RetroVote:
        """Record by's vote for story as a highlight of this retro (at most three each)."""
        if story.team_id != self.team_id or story.status != Status.PUBLISHED:
            raise RetroStateError(_("Only the team's published stories can be highlights."))
        if not (self.month <= story.happened_on < self.next_month):
            raise RetroStateError(_("That story belongs to another month's retro."))
        with transaction.atomic():
            # Lock the retro row so two quick votes cannot both pass the limit check.
            closed = list(
                Retro.objects.select_for_update().filter(pk=self.pk).values_list("closed_at", flat=True)
            )
            if closed and closed[0] is not None:
                raise RetroStateError(_("This retro is closed: reopen it first."))
            existing = RetroVote.objects.filter(retro=self, story=story, voter=by).first()
            if existing is not None:
                return existing
            if RetroVote.objects.filter(retro=self).for_voter(by).count() >= MAX_VOTES_PER_MEMBER:
                raise RetroStateError(
                    _("You have used your %(max)d votes: take one back to vote for another story.")
                    % {"max": MAX_VOTES_PER_MEMBER}
                )
            vote = RetroVote.objects.create(retro=self, story=story, voter=by)
        bump_on_commit(self.team_id, self.month, live.VOTES)
        return vote

    def unvote(self, story: Story, *, by: User) -> bool:
        self._ensure_open()
        deleted, _rows = RetroVote.objects.filter(retro=self, story=story, voter=by).delete()
        if deleted:
            bump_on_commit(self.team_id, self.month, live.VOTES)
        return bool(deleted)

    def add_action_item(
        self,
        *,
        text: str,
        owner: User | None,
        due_on: dt.date | None,
        by: User,
    ) -> ActionItem:
        self._ensure_open()
        item = ActionItem.objects.create(
            team_id=self.team_id, retro=self, text=text.strip(), owner=owner, due_on=due_on, created_by=by
        )
        bump_on_commit(self.team_id, None, live.ACTIONS)
        notify.action_item_assigned(item, by=by)
        return item


class RetroVoteQuerySet(models.QuerySet["RetroVote"]):
    def for_voter(self, user: User) -> RetroVoteQuerySet:
        """A voter's votes that still count: votes on stories hidden since give the vote back."""
        return self.filter(voter=user, story__status=Status.PUBLISHED)


class RetroVote(models.Model):
    """A member's vote for a story as a highlight of the retro (up to three each)."""

    retro = models.ForeignKey(Retro, on_delete=models.CASCADE, related_name="votes")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="retro_votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = RetroVoteQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["retro", "story", "voter"], name="retrovote_unique_retro_story_voter"
            ),
        ]
        indexes = [
            # "How many votes have I left in this retro?"
            models.Index(fields=["retro", "voter"], name="retrovote_retro_voter_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.voter} ♥ “{self.story}”"


class ActionItemQuerySet(models.QuerySet["ActionItem"]):
    def open(self) -> ActionItemQuerySet:
        return self.filter(done_at__isnull=True, dropped_at__isnull=True)

    def owned_by(self, user: User) -> ActionItemQuerySet:
        return self.filter(owner=user)

    def for_retro_page(self, team: Team, month_start: dt.date) -> ActionItemQuerySet:
        """The items a month's retro shows: carried-in items first, then the month's own.

        An earlier month's item is carried in while it is open, and stays listed (as done)
        in the retro of the month it was finished in, so ticking it off does not make it vanish.
        """
        month_began = dt.datetime.combine(month_start, dt.time.min, tzinfo=team.zone)
        still_open = Q(done_at__isnull=True) & (Q(dropped_at__isnull=True) | Q(dropped_at__gte=month_began))
        carried = Q(retro__month__lt=month_start) & (still_open | Q(done_at__gte=month_began))
        return (
            self.filter(team=team)
            .filter(carried | Q(retro__month=month_start))
            .select_related("owner", "retro")
            .order_by("retro__month", "created_at", "pk")
        )


class ActionItem(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="action_items")
    retro = models.ForeignKey(Retro, on_delete=models.CASCADE, related_name="action_items")
    text = models.CharField(_("action"), max_length=300, validators=[validate_one_line])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Compare-and-set counter for edits of text, owner and due date.
    version = models.PositiveIntegerField(default=0, editable=False)
    # Dropped items stay, with why, so the history of what the team promised is kept.
    dropped_at = models.DateTimeField(null=True, blank=True)
    dropped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    drop_reason = models.CharField(_("why it was dropped"), max_length=300, blank=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # Open items carried into a retro: the team's items not done yet.
            models.Index(fields=["team", "done_at"], name="actionitem_team_done_idx"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_carried_into(self, month_start: dt.date) -> bool:
        return self.retro.month < month_start

    def is_overdue_on(self, day: dt.date) -> bool:
        return not self.is_done and not self.is_dropped and self.due_on is not None and self.due_on < day

    # Complete and reopen are compare-and-set on done_at, so a double click or two people
    # ticking the same item keep the first completion time.

    def complete(self, *, by: User) -> bool:
        now = timezone.now()
        changed = ActionItem.objects.filter(pk=self.pk, done_at__isnull=True, dropped_at__isnull=True).update(
            done_at=now
        )
        if changed:
            self.done_at = now
            bump_on_commit(self.team_id, None, live.ACTIONS)
        return bool(changed)

    def reopen(self, *, by: User) -> bool:
        changed = ActionItem.objects.filter(pk=self.pk, done_at__isnull=False).update(done_at=None)
        if changed:
            self.done_at = None
            bump_on_commit(self.team_id, None, live.ACTIONS)
        return bool(changed)

    def edit(
        self, *, text: str, owner: User | None, due_on: dt.date | None, base_version: int, by: User
    ) -> None:
        """Change text, owner and due date typed on top of base_version (compare-and-set)."""
        previous_owner_id = ActionItem.objects.filter(pk=self.pk).values_list("owner_id", flat=True).first()
        changed = ActionItem.objects.filter(pk=self.pk, version=base_version, dropped_at__isnull=True).update(
            text=text.strip(), owner=owner, due_on=due_on, version=F("version") + 1
        )
        if not changed:
            self.refresh_from_db()
            raise ActionItemConflict(self)
        self.text, self.owner, self.due_on, self.version = text.strip(), owner, due_on, base_version + 1  # type: ignore[assignment]
        bump_on_commit(self.team_id, None, live.ACTIONS)
        if owner is not None and owner.pk != previous_owner_id:
            notify.action_item_assigned(self, by=by)

    def drop(self, *, reason: str, by: User) -> bool:
        """Drop an item that will not be done; it stays listed, with the reason."""
        now = timezone.now()
        changed = ActionItem.objects.filter(pk=self.pk, dropped_at__isnull=True, done_at__isnull=True).update(
            dropped_at=now, dropped_by=by, drop_reason=reason.strip(), version=F("version") + 1
        )
        if changed:
            self.refresh_from_db()
            bump_on_commit(self.team_id, None, live.ACTIONS)
        return bool(changed)

    @property
    def is_dropped(self) -> bool:
        return self.dropped_at is not None
