"""The domain models, one module per concern so each stays readable.

teams: Team, Membership, Principle. story: Story, its tags, moderation events and flags.
retro: monthly Retro, votes and action items. karma: sequel links and reminders.
"""

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
from stories.models.teams import Membership, ModerationMode, Principle, PrincipleGroup, Role, Team

__all__ = [
    "ActionItem",
    "Channel",
    "Flag",
    "FlagReason",
    "IllegalTransition",
    "KarmaReminder",
    "Kind",
    "Membership",
    "ModerationAction",
    "ModerationEvent",
    "ModerationMode",
    "Perspective",
    "Principle",
    "PrincipleGroup",
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
