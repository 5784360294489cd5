"""What people hear about: notifications in the app, and the outbox every e-mail goes through."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.core.labels import ChoiceLabels


class NotificationKind(models.TextChoices):
    STORY_PUBLISHED = "story_published", _("Your story was published")
    STORY_SENT_BACK = "story_sent_back", _("Your story was sent back")
    STORY_HIDDEN = "story_hidden", _("Your story was hidden")
    STORY_FLAGGED = "story_flagged", _("Your story was flagged")
    FLAG_DECIDED = "flag_decided", _("A flag on your story was decided")
    ACTION_ASSIGNED = "action_assigned", _("An action item was assigned to you")
    ACTION_DUE = "action_due", _("Your action item is due in 2 days")
    ACTION_OVERDUE = "action_overdue", _("Your action item is overdue")
    RETRO_READY = "retro_ready", _("Last month's retro is ready")
    KARMA_FOLLOWUP = "karma_followup", _("A karma follow-up is due")


class EmailState(models.TextChoices):
    NONE = "none", _("not by e-mail")
    WAITING = "waiting", _("waiting for the next mail")
    QUEUED = "queued", _("in a mail")


class NotificationQuerySet(models.QuerySet["Notification"]):
    def in_app_for(self, user: Any) -> NotificationQuerySet:
        return self.filter(user=user, in_app=True)

    def unread_for(self, user: Any) -> NotificationQuerySet:
        return self.in_app_for(user).filter(read_at__isnull=True)

    def waiting_for_mail(self) -> NotificationQuerySet:
        return self.filter(email_state=EmailState.WAITING)


class Notification(ChoiceLabels):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("details"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    # What makes a scheduled notification once-only ("action_due:12:2026-12-03"); empty for events.
    key = models.CharField(max_length=120, blank=True)
    in_app = models.BooleanField(default=True)
    email_state = models.CharField(max_length=8, choices=EmailState.choices, default=EmailState.NONE)
    mail = models.ForeignKey(
        "stories.OutgoingMail", on_delete=models.SET_NULL, null=True, blank=True, related_name="notifications"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~Q(key=""), name="notification_unique_user_key"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values), name="notification_kind_valid"
            ),
        ]
        indexes = [
            # The bell's count and /notifications/: a person's unread, newest first.
            models.Index(fields=["user", "in_app", "read_at"], name="notification_user_unread_idx"),
            # The digest run: notifications still waiting for a mail.
            models.Index(
                fields=["email_state", "user"],
                condition=Q(email_state="waiting"),
                name="notification_waiting_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.title}"


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed, will retry")


# Seconds to wait after the n-th failed attempt: 1, 5, 25 minutes, then hourly at most.
RETRY_BACKOFF = [60, 300, 1500, 3600]
# A send claimed this long ago without an outcome died with its worker: try it again.
STALE_SENDING = dt.timedelta(minutes=10)


class OutgoingMailQuerySet(models.QuerySet["OutgoingMail"]):
    def due_for_retry(self, now: dt.datetime) -> OutgoingMailQuerySet:
        return self.filter(
            Q(status=MailStatus.FAILED, next_attempt_at__lte=now)
            | Q(status=MailStatus.SENDING, last_attempt_at__lte=now - STALE_SENDING)
        )

    def unsent(self) -> OutgoingMailQuerySet:
        return self.exclude(status=MailStatus.SENT)


class OutgoingMail(ChoiceLabels):
    """Every e-mail the app sends, kept until it has gone out: a mail server down loses nothing."""

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "outgoing mail"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MailStatus.values), name="outgoingmail_status_valid"
            ),
        ]
        indexes = [
            # The retry sweep: failed mail whose next attempt is due.
            models.Index(
                fields=["status", "next_attempt_at"],
                condition=~Q(status="sent"),
                name="outgoingmail_unsent_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to} ({self.get_status_display()})"

    @staticmethod
    def backoff(attempts: int) -> dt.timedelta:
        return dt.timedelta(seconds=RETRY_BACKOFF[min(attempts, len(RETRY_BACKOFF)) - 1])
