"""Every model of the `stories` app, re-exported from the feature packages that define them.

Django finds models through the app's `models` module; the code lives with its feature:
teams, log (stories and tags), moderation (events, flags), retros, karma, members
(invitations, the membership log), accounts (profiles), notifications (and the mail outbox).
"""

from stories.accounts.models import Profile
from stories.core.policy import is_moderator
from stories.karma.models import KarmaReminder, SequelLink, SequelOutcome
from stories.log.models import Story, StoryPrinciple
from stories.log.terms import Channel, Kind, Perspective, Status, Verdict
from stories.members.models import ChangeAction, Invitation, MembershipChange
from stories.moderation.models import Flag, FlagReason, ModerationAction, ModerationEvent
from stories.moderation.moves import IllegalTransition
from stories.notifications.models import EmailState, MailStatus, Notification, NotificationKind, OutgoingMail
from stories.retros.models import ActionItem, Retro, RetroVote
from stories.teams.models import Membership, ModerationMode, Principle, PrincipleGroup, Role, Team

__all__ = [
    "ActionItem",
    "ChangeAction",
    "Channel",
    "EmailState",
    "Flag",
    "FlagReason",
    "IllegalTransition",
    "Invitation",
    "KarmaReminder",
    "Kind",
    "MailStatus",
    "Membership",
    "MembershipChange",
    "ModerationAction",
    "ModerationEvent",
    "ModerationMode",
    "Notification",
    "NotificationKind",
    "OutgoingMail",
    "Perspective",
    "Principle",
    "PrincipleGroup",
    "Profile",
    "Retro",
    "RetroVote",
    "Role",
    "SequelLink",
    "SequelOutcome",
    "Status",
    "Story",
    "StoryPrinciple",
    "Team",
    "Verdict",
    "is_moderator",
]
