"""Request types for the type checker, and the access helper every story view shares."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django_htmx.middleware import HtmxDetails

from stories.models import Role, Story, Team, is_moderator


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
    if story is None or not story.can_be_seen_by(request.user):
        raise Http404("No such story.")
    return story


@dataclass(frozen=True)
class TeamAccess:
    """What the viewer is in a team: a member takes part; a lead (or a superuser) runs it."""

    team: Team
    role: str | None
    is_superuser: bool

    @property
    def is_member(self) -> bool:
        return self.role is not None

    @property
    def is_lead(self) -> bool:
        return self.role == Role.LEAD or self.is_superuser


def get_team_access(request: HttpRequest, slug: str) -> TeamAccess:
    """The team if the user may read its pages (members and moderators); 404 for everyone else."""
    team = get_object_or_404(Team, slug=slug)
    role = team.role_of(request.user)
    if role is None and not is_moderator(request.user):
        raise Http404("No such team.")
    return TeamAccess(team=team, role=role, is_superuser=request.user.is_superuser)
