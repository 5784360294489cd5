from functools import cache
from typing import Any

from django.http import HttpRequest

from stories.models import Story, Team


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The navigation's team links and the moderation badge, evaluated only when rendered."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def waiting() -> int:
        return Story.objects.awaiting_moderation_for(user).distinct().count()

    @cache
    def teams() -> list[Team]:
        return list(Team.objects.for_user(user).distinct())

    return {"nav_moderation_count": waiting, "nav_teams": teams}
