"""Request types for the type checker, and the access helper every story view shares."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from stories.core import policy
from stories.models import Story, Team


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails
    user: User | AnonymousUser  # type: ignore[assignment]


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request behind @login_required."""

    user: User  # type: ignore[assignment]


# The largest id a 64-bit primary key holds; URL converters and forms accept any run of digits.
MAX_ID = 2**63 - 1


def parse_id(raw: object) -> int | None:
    """A database id typed by a client, or None: "²" is a digit to str.isdigit() but not to
    int(), and SQLite overflows past 64 bits rather than finding nothing."""
    text = str(raw or "")
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def load_story(story_id: int, user: User | AnonymousUser) -> Story | None:
    """The story as far as this user can know: a withdrawn story exists for its author alone,
    so every path that starts here (story page, moderation answers, flags, karma) finds nothing."""
    if not 0 < story_id <= MAX_ID:
        return None
    return Story.objects.select_related("team", "author").not_withdrawn_for(user).filter(pk=story_id).first()


def get_story_for_user(request: HttpRequest, story_id: int) -> Story:
    """The story if this user may see it; 404 otherwise, so outsiders learn nothing."""
    story = load_story(story_id, request.user)
    if story is None or not policy.can_see_story(request.user, story):
        raise Http404("No such story.")
    return story


@dataclass(frozen=True)
class TeamAccess:
    """A team and what the viewer may do in it, as the policy answers (asked once, then cached)."""

    team: Team
    user: User | AnonymousUser

    @property
    def may_take_part(self) -> bool:
        return policy.can_take_part_in_retro(self.user, self.team)

    @property
    def may_edit_notes(self) -> bool:
        return policy.can_edit_retro_notes(self.user, self.team)

    @property
    def may_run_meeting(self) -> bool:
        return policy.can_run_retro_meeting(self.user, self.team)

    @property
    def may_close_retro(self) -> bool:
        return policy.can_close_retro(self.user, self.team)

    @property
    def may_compare_teams(self) -> bool:
        return policy.can_compare_teams(self.user)

    def require(self, allowed: bool, reason: str) -> None:
        """403 with the reason when the policy said no."""
        if not allowed:
            raise PermissionDenied(reason)


def get_team_access(request: HttpRequest, slug: str) -> TeamAccess:
    """The team if the user may read its pages (members and moderators); 404 for everyone else."""
    team = get_object_or_404(Team, slug=slug)
    if not policy.can_read_team(request.user, team):
        raise Http404("No such team.")
    return TeamAccess(team=team, user=request.user)


def redirect_back(request: HttpRequest, fallback: Any) -> HttpResponse:
    """After a plain POST: back to the posted `next` when it is a page of ours, else `fallback`
    (anything `redirect()` takes). Never off-site, and never from http to a https-less page."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


# --- the members page ----------------------------------------------------------------------


def _team_access_if(request: HttpRequest, slug: str, rule: Any, refusal: str) -> TeamAccess:
    """The team if `rule(user, team)` allows; 404 to outsiders, 403 to the members it refuses."""
    access = get_team_access(request, slug)
    access.require(rule(request.user, access.team), refusal)
    return access


def get_members_manager_access(request: HttpRequest, slug: str) -> TeamAccess:
    return _team_access_if(
        request, slug, policy.can_manage_members, "Only the team's leads and moderators manage its members."
    )


def get_team_settings_access(request: HttpRequest, slug: str) -> TeamAccess:
    return _team_access_if(
        request, slug, policy.can_change_team_settings, "Only the team's leads change its settings."
    )
