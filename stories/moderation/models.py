"""What moderation records: every decision as an event, and the flags members raise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.core.labels import ChoiceLabels
from stories.core.names import ANONYMOUS_LABEL, display_name
from stories.core.policy import sees_author_names
from stories.log.terms import Status

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from stories.log.models import Story

    AnyUser = User | AnonymousUser

SYSTEM_LABEL = _("Service Retro")
FLAGGER_LABEL = _("A team member")
# How the author sees who acted on their story: the people who decide stay unnamed, so a
# decision is the team's, not a person's to be confronted about.
AUTHOR_SELF_LABEL = _("you")
AUTHOR_MODERATOR_LABEL = _("a moderator")


class ModerationAction(models.TextChoices):
    SUBMIT = "submit", _("Submitted")
    HOLD = "hold", _("Held for review")
    APPROVE = "approve", _("Approved")
    REJECT = "reject", _("Rejected")
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    REDACT = "redact", _("Redacted")
    WITHDRAW = "withdraw", _("Withdrawn")
    RESUBMIT = "resubmit", _("Resubmitted")
    EDIT = "edit", _("Edited")
    FLAG = "flag", _("Flagged")
    DISMISS_FLAGS = "dismiss_flags", _("Flags dismissed")


class FlagReason(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("Customer personal data")
    UNFAIR = "unfair", _("Unfair to a colleague")
    OFFENSIVE = "offensive", _("Offensive")
    OTHER = "other", _("Other")


class ModerationEvent(ChoiceLabels):
    story = models.ForeignKey("stories.Story", on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=16, choices=ModerationAction.choices)
    from_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # A story's history, in order.
            models.Index(fields=["story", "created_at"], name="modevent_story_created_idx"),
        ]

    def __str__(self) -> str:
        who = self.actor or "system"
        return f"{self.get_action_display()} by {who} on {self.created_at:%Y-%m-%d %H:%M}"

    def actor_label_for(self, viewer: AnyUser, story: Story) -> str:
        """Who did it, as this viewer may see it.

        An anonymous story's author stays "Anonymous" in its history, and whoever flagged a
        story stays "A team member", to everyone but moderators.
        """
        if self.actor_id is None:
            return str(SYSTEM_LABEL)
        if not sees_author_names(viewer):
            if story.anonymous and self.actor_id == story.author_id:
                return str(ANONYMOUS_LABEL)
            if self.action == ModerationAction.FLAG:
                return str(FLAGGER_LABEL)
        return display_name(self.actor)  # type: ignore[arg-type]

    def actor_label_for_author(self, story: Story) -> str:
        """Who did it, as the story's author sees their own story's history.

        The author's own moves are "you"; whoever decided or flagged stays unnamed.
        """
        if self.actor_id is None:
            return str(SYSTEM_LABEL)
        if self.actor_id == story.author_id:
            return str(AUTHOR_SELF_LABEL)
        if self.action == ModerationAction.FLAG:
            return str(FLAGGER_LABEL)
        return str(AUTHOR_MODERATOR_LABEL)


class Flag(ChoiceLabels):
    story = models.ForeignKey("stories.Story", on_delete=models.CASCADE, related_name="flags")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=16, choices=FlagReason.choices)
    comment = models.TextField(blank=True, max_length=1000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["story", "raised_by"],
                condition=Q(resolved_at__isnull=True),
                name="flag_one_open_per_user_story",
            ),
        ]
        indexes = [
            # The moderation queue: stories with open flags.
            models.Index(fields=["story"], condition=Q(resolved_at__isnull=True), name="flag_open_story_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on “{self.story}”"
