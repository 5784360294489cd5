from functools import cache
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from stories.models import Story, Team, is_moderator


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

    @cache
    def can_moderate() -> bool:
        return is_moderator(user) or Team.objects.led_by(user).exists()

    # The cross-team retro opens on the current month, in the server's zone.
    this_month = timezone.localdate().strftime("%Y-%m")
    return {
        "nav_moderation_count": waiting,
        "nav_teams": teams,
        "nav_this_month": this_month,
        "nav_can_moderate": can_moderate,
    }
