"""Request types for the type checker, and the loaders every view gets its story or team from.

The loaders ask `core/policy.py` and answer as the policy says: 404 for whoever may not see
the story or read the team, then 403 when a rule the view declares with `@asks(...)` about a
story or team says no. A view never names a rule again, nor works a refusal out itself.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
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
    text = str(raw or "")  # pragma: no mutate (any other text of no digits reads the same)
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def shown_count(request: HttpRequest, name: str, step: int, most: int) -> int:
    """How many rows of a long list to show: `step` first, more on "Show more" (?name=N),
    never fewer than `step` nor more than `most`, whatever is typed."""
    raw = request.GET.get(name, "")  # pragma: no mutate (any default of no digits reads as `step`)
    wanted = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 6 else step
    return min(max(wanted, step), most)


def more_count(shown: int, step: int, most: int, more: bool) -> int:
    """The count "Show more" asks for next: 0 when nothing is left or `most` is shown already."""
    return min(shown + step, most) if more and shown < most else 0


def load_story(story_id: int, user: User | AnonymousUser) -> Story | None:
    """The story as far as this user can know: a withdrawn story exists for its author alone,
    so every path that starts here (story page, moderation answers, flags, karma) finds nothing."""
    if not 0 < story_id <= MAX_ID:
        return None
    return Story.objects.select_related("team", "author").not_withdrawn_for(user).filter(pk=story_id).first()


def ask_declared_rules(request: HttpRequest, thing: str, found: Story | Team) -> None:
    """403 when a rule the view declares about this kind of thing ("story", "team") says no.

    A view that loads a story or team without declaring its rules is a mistake, not an open door."""
    rules = getattr(request, "declared_rules", None)
    if rules is None:
        raise ImproperlyConfigured("A view loads a story or team without declaring @asks(...).")
    for rule in rules:
        if policy.about(rule) == thing and not rule(request.user, found):
            raise PermissionDenied(f"{rule.__name__} says no.")


def get_story_for_user(request: HttpRequest, story_id: int) -> Story:
    """The story if this user may see it (404 otherwise, so outsiders learn nothing) and may
    do what the view's declared rules ask of it (403 otherwise)."""
    story = load_story(story_id, request.user)
    if story is None or not policy.can_see_story(request.user, story):
        raise Http404("No such story.")
    ask_declared_rules(request, "story", story)
    return story


class _Answer:
    """A TeamAccess attribute the policy answers for the viewer and the team (or the viewer alone)."""

    def __init__(self, rule: Any) -> None:
        self.rule = rule

    def __get__(self, access: "TeamAccess | None", owner: type) -> Any:
        if access is None:
            return self
        about = (access.team,) if policy.about(self.rule) == "team" else ()
        return bool(self.rule(access.user, *about))


@dataclass(frozen=True)
class TeamAccess:
    """A team and what the viewer may do in it, as the policy answers."""

    team: Team
    user: User | AnonymousUser

    may_take_part = _Answer(policy.can_take_part_in_retro)
    may_edit_notes = _Answer(policy.can_edit_retro_notes)
    may_run_meeting = _Answer(policy.can_run_retro_meeting)
    may_close_retro = _Answer(policy.can_close_retro)
    may_compare_teams = _Answer(policy.can_compare_teams)


def get_team_access(request: HttpRequest, slug: str) -> TeamAccess:
    """The team if the user may read its pages (members and moderators; 404 for everyone
    else) and may do what the view's declared rules ask of it (403 otherwise)."""
    team = get_object_or_404(Team, slug=slug)
    if not policy.can_read_team(request.user, team):
        raise Http404("No such team.")
    ask_declared_rules(request, "team", team)
    return TeamAccess(team=team, user=request.user)


def redirect_back(request: HttpRequest, fallback: Any) -> HttpResponse:
    """After a plain POST: back to the posted `next` when it is a page of ours, else `fallback`
    (anything `redirect()` takes). Never off-site, and never from http to a https-less page."""
    target = request.POST.get("next", "")  # pragma: no mutate (a missing next reads as None: also false)
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)
