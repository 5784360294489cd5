"""The domain models, one module per concern so each stays readable.

teams: Team, Membership, Principle. story: Story, its tags, moderation events and flags.
retro: monthly Retro, votes and action items. karma: sequel links and reminders.
"""

# Feature packages keep their models next to their views; Django finds them through this app.
from stories.accounts.models import Profile
from stories.members.models import ChangeAction, Invitation, MembershipChange
from stories.models.karma import KarmaReminder, SequelLink, SequelOutcome
from stories.models.retro import ActionItem, Retro, RetroVote
from stories.models.story import (
    Channel,
    Flag,
    FlagReason,
    IllegalTransition,
    Kind,
    ModerationAction,
    ModerationEvent,
    Perspective,
    Status,
    Story,
    StoryPrinciple,
    Verdict,
    is_moderator,
)
from stories.models.teams import Membership, ModerationMode, Principle, Role, Team
from stories.notifications.models import (
    EmailState,
    MailStatus,
    Notification,
    NotificationKind,
    OutgoingMail,
)

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
