"""Django finds the admin here; each feature package registers its own models."""

from stories.karma import admin as karma_admin
from stories.moderation import admin as moderation_admin
from stories.notifications import admin as notifications_admin
from stories.retros import admin as retros_admin
from stories.teams import admin as teams_admin

__all__ = ["karma_admin", "moderation_admin", "notifications_admin", "retros_admin", "teams_admin"]
