"""Who may do what: every access rule of the product, asked from views, templates and the admin."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser


def is_moderator(user: AnyUser) -> bool:
    """Moderators (the permission, or a superuser) see and moderate every team."""
    return bool(user.is_authenticated and (user.is_superuser or user.has_perm("stories.moderate_story")))
