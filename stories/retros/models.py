from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.core.months import month_after
from stories.core.text import validate_one_line
from stories.log.models import Story
from stories.log.terms import Status
from stories.teams.models import Team

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_VOTES_PER_MEMBER = 3


class RetroStateError(Exception):
    """A retro action the retro's current state does not allow (closed, out of votes, ...)."""


class RetroQuerySet(models.QuerySet["Retro"]):
    def for_team(self, team: Team) -> RetroQuerySet:
        return self.filter(team=team)


class Retro(models.Model):
    """One team's retrospective for one month (the month is the team's, in its time zone)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="retros")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    notes = models.TextField(_("facilitator notes"), blank=True)
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

    def close(self, *, by: User, snapshot: dict[str, Any]) -> None:
        now = timezone.now()
        changed = Retro.objects.filter(pk=self.pk, closed_at__isnull=True).update(
            closed_at=now, closed_by=by, snapshot=snapshot
        )
        if not changed:
            raise RetroStateError(_("This retro is already closed."))
        self.closed_at, self.closed_by, self.snapshot = now, by, snapshot  # type: ignore[assignment]

    def reopen(self, *, by: User) -> None:
        # The snapshot goes: a reopened retro is live again, and closing it anew freezes
        # the figures of that moment.
        changed = Retro.objects.filter(pk=self.pk, closed_at__isnull=False).update(
            closed_at=None, closed_by=None, snapshot=None
        )
        if not changed:
            raise RetroStateError(_("This retro is already open."))
        self.closed_at, self.closed_by, self.snapshot = None, None, None

    def save_notes(self, notes: str, *, by: User) -> None:
        self._ensure_open()
        self.notes = notes.strip()
        self.save(update_fields=["notes"])

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
            return RetroVote.objects.create(retro=self, story=story, voter=by)

    def unvote(self, story: Story, *, by: User) -> bool:
        self._ensure_open()
        deleted, _rows = RetroVote.objects.filter(retro=self, story=story, voter=by).delete()
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
        return ActionItem.objects.create(
            team_id=self.team_id, retro=self, text=text.strip(), owner=owner, due_on=due_on, created_by=by
        )


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
        return self.filter(done_at__isnull=True)

    def for_retro_page(self, team: Team, month_start: dt.date) -> ActionItemQuerySet:
        """The items a month's retro shows: carried-in items first, then the month's own.

        An earlier month's item is carried in while it is open, and stays listed (as done)
        in the retro of the month it was finished in, so ticking it off does not make it vanish.
        """
        month_began = dt.datetime.combine(month_start, dt.time.min, tzinfo=team.zone)
        carried = Q(retro__month__lt=month_start) & (Q(done_at__isnull=True) | Q(done_at__gte=month_began))
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
        return not self.is_done and self.due_on is not None and self.due_on < day

    # Complete and reopen are compare-and-set on done_at, so a double click or two people
    # ticking the same item keep the first completion time.

    def complete(self, *, by: User) -> bool:
        now = timezone.now()
        changed = ActionItem.objects.filter(pk=self.pk, done_at__isnull=True).update(done_at=now)
        if changed:
            self.done_at = now
        return bool(changed)

    def reopen(self, *, by: User) -> bool:
        changed = ActionItem.objects.filter(pk=self.pk, done_at__isnull=False).update(done_at=None)
        if changed:
            self.done_at = None
        return bool(changed)

    def assign(self, *, owner: User | None, due_on: dt.date | None, by: User) -> None:
        self.owner = owner  # type: ignore[assignment]
        self.due_on = due_on
        self.save(update_fields=["owner", "due_on"])
