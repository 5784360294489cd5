"""Who may do what: every access rule of the product, asked from views, templates and the admin."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser


def is_moderator(user: AnyUser) -> bool:
    """Moderators (the permission, or a superuser) see and moderate every team."""
    return bool(user.is_authenticated and (user.is_superuser or user.has_perm("stories.moderate_story")))


def can_manage_members(user: AnyUser, role: str | None) -> bool:
    """The members page: a team's leads, moderators and superusers invite, change roles and
    remove people; its members only read the list (and outsiders do not see the team)."""
    from stories.teams.models import Role

    return role == Role.LEAD or is_moderator(user)
