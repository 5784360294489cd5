from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.models.story import Story
from stories.models.teams import Team

MAX_VOTES_PER_MEMBER = 3


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
    def month_slug(self) -> str:
        return f"{self.month:%Y-%m}"

    @staticmethod
    def first_of_month(day: dt.date) -> dt.date:
        return day.replace(day=1)


class RetroVote(models.Model):
    """A member's vote for a story as a highlight of the retro (up to three each)."""

    retro = models.ForeignKey(Retro, on_delete=models.CASCADE, related_name="votes")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="retro_votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

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


class ActionItem(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="action_items")
    retro = models.ForeignKey(Retro, on_delete=models.CASCADE, related_name="action_items")
    text = models.CharField(_("action"), max_length=300)
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
