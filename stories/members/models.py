"""Bringing people into a team and keeping it: invitations and the membership change log."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.core.labels import ChoiceLabels
from stories.teams.models import Role, Team


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> InvitationQuerySet:
        """Not yet accepted nor replaced (it may still have expired)."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def pending_for(self, team: Team, now: dt.datetime) -> InvitationQuerySet:
        return self.open().filter(team=team, expires_at__gt=now).select_related("invited_by")

    def sent_by_since(self, user: Any, since: dt.datetime) -> InvitationQuerySet:
        return self.filter(invited_by=user, created_at__gte=since)


class Invitation(ChoiceLabels):
    """A single-use link to join a team. Only the token's hash is stored: a leaked table opens nothing."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set when a newer invitation to the same address replaces this one.
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_open_per_team_email",
            ),
        ]
        indexes = [
            # The rate limit: how many invitations has this lead sent in the last hour?
            models.Index(fields=["invited_by", "created_at"], name="invitation_sender_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.team}"

    def is_expired(self, now: dt.datetime) -> bool:
        return self.expires_at <= now


class ChangeAction(models.TextChoices):
    INVITED = "invited", _("invited")
    JOINED = "joined", _("joined")
    ROLE_CHANGED = "role_changed", _("role changed")
    REMOVED = "removed", _("removed")


class MembershipChangeQuerySet(models.QuerySet["MembershipChange"]):
    def for_team(self, team: Team) -> MembershipChangeQuerySet:
        return self.filter(team=team).select_related("actor")


class MembershipChange(ChoiceLabels):
    """Who changed the team's membership, how and when; kept when the people involved leave."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="membership_changes")
    action = models.CharField(_("action"), max_length=12, choices=ChangeAction.choices)
    # The person concerned, as a label: an invited address has no account yet.
    subject = models.CharField(_("who"), max_length=254)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = MembershipChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The members page's log: a team's changes, newest first.
            models.Index(fields=["team", "created_at"], name="membershipchange_team_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject}: {self.get_action_display()} ({self.team})"
