from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.models.story import Story

WATCH_MILESTONES = (30, 60, 90)
KARMA_WINDOW_DAYS = 180


class SequelOutcome(models.TextChoices):
    CLIENT_RETURNED = "returned", _("Client returned")
    REFERRAL = "referral", _("Referral")
    THANKS = "thanks", _("Thanks or praise")
    BIGGER_ORDER = "bigger_order", _("Bigger order")
    COMPLAINT_WITHDRAWN = "complaint_withdrawn", _("Complaint withdrawn")
    OTHER = "other", _("Other")


# Every outcome but "other" is the good service coming back.
POSITIVE_OUTCOMES = frozenset(SequelOutcome.values) - {SequelOutcome.OTHER}


class SequelLink(models.Model):
    """A later story that follows an earlier one: the karma link."""

    original = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="sequel_links")
    sequel = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="original_links")
    outcome = models.CharField(_("outcome"), max_length=20, choices=SequelOutcome.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["original", "sequel"], name="sequellink_unique_pair"),
            models.CheckConstraint(condition=~Q(original=F("sequel")), name="sequellink_not_self"),
        ]
        indexes = [
            # The retro's karma section: sequels logged in a month.
            models.Index(fields=["created_at"], name="sequellink_created_idx"),
        ]

    def __str__(self) -> str:
        return f"“{self.sequel}” follows “{self.original}” ({self.get_outcome_display()})"

    @property
    def days_between(self) -> int:
        return (self.sequel.happened_on - self.original.happened_on).days


class KarmaReminder(models.Model):
    """A watchlist reminder sent to an author, at most once per story and milestone."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="karma_reminders")
    milestone = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["story", "milestone"], name="karmareminder_unique_story_milestone"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.milestone}-day reminder for “{self.story}”"
