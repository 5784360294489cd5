from functools import cache
from typing import Any

from django.http import HttpRequest

from stories.notifications.models import Notification


def bell(request: HttpRequest) -> dict[str, Any]:
    """The bell's unread count, counted in the database only when a page renders it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def unread() -> int:
        return Notification.objects.unread_for(user).count()

    return {"nav_unread_notifications": unread}
