from functools import cache
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from stories.core import policy
from stories.models import Story, Team
from stories.moderation.waiting import remembered_count
from stories.retros.due import due_months
from stories.teams.models import teams_of


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The navigation's team links and the moderation badge, evaluated only when rendered."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def waiting() -> int:
        return remembered_count(user.pk, lambda: Story.objects.awaiting_moderation_count_for(user))

    @cache
    def teams() -> list[Team]:
        result = teams_of(user)
        # Each team's menu leads to the retro that is due (last month's until it is closed).
        due = due_months(result)
        for team in result:
            team.due_retro_month = due[team.pk]  # type: ignore[attr-defined]
        return result

    @cache
    def can_moderate() -> bool:
        return policy.can_open_moderation_queue(user)

    # The cross-team retro opens on the current month, in the server's zone.
    this_month = timezone.localdate().strftime("%Y-%m")
    return {
        "nav_moderation_count": waiting,
        "nav_teams": teams,
        "nav_this_month": this_month,
        "nav_can_moderate": can_moderate,
        # Asked only when a page renders the link: a permission lookup costs queries.
        "nav_can_compare_teams": cache(lambda: policy.can_compare_teams(user)),
        "nav_can_use_admin": cache(lambda: policy.can_use_admin(user)),
    }
