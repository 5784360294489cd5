"""Who may do what: every access rule of the product, asked from views, templates and the admin.

Each rule is a plain predicate, `can_<do>_<thing>(user, thing)`. Views raise 404/403 on the
answer, templates get the answers in their context (or from a small tag), the admin's
`has_*_permission` methods ask the same functions: nothing works a rule out again.

Two kinds of standing in a team:

* a **member** (any membership, lead included) takes part: votes, action items, flags,
  sequels; these are the team's own voice, so nobody outside the team adds to them;
* the **lead** decides: retro notes, closing a retro, "nothing came of it", moderating the
  team's stories. A **superuser stands in for the lead of every team**, for every one of
  these, and reads what a lead reads; it takes part only in teams it belongs to.

A **moderator** (the `moderate_story` permission, or a superuser) reads and moderates every
team's stories and compares teams, but takes no part in a team it is not in.

Roles are looked up once per user object and team (a page asks several questions of the
same story or team), so one request costs one membership query per team, however many of
its stories it asks about.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.core.exceptions import PermissionDenied

from stories.core.per_request import kept_on_user
from stories.log.terms import Status
from stories.teams.models import Membership, Role, Team

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from stories.log.models import Story

    AnyUser = User | AnonymousUser


# --- who someone is ----------------------------------------------------------------------------


def is_moderator(user: AnyUser) -> bool:
    """Moderators (the permission, or a superuser) see and moderate every team.

    Kept on the user object (core/per_request.py): a list asks it of every row, and each
    has_perm() goes through every authentication backend."""
    if not user.is_authenticated:
        return False
    return kept_on_user(
        user, "_is_moderator", lambda: bool(user.is_superuser or user.has_perm("stories.moderate_story"))
    )


def team_role(user: AnyUser, team: Team) -> str | None:
    """The user's role in the team (`Role.MEMBER`, `Role.LEAD`) or None."""
    return _role(user, team.pk)


def _role(user: AnyUser, team_id: int) -> str | None:
    """Cached on the user object by team id: a page asks several questions of the same team, and
    a story's rules ask by `story.team_id`, so a list of stories costs no query per story."""
    if not user.is_authenticated:
        return None
    cache: dict[int, str | None] = kept_on_user(user, "_team_roles", dict)
    if team_id not in cache:
        roles = Membership.objects.filter(team_id=team_id, user=user).values_list("role", flat=True)
        cache[team_id] = roles.first()
    return cache[team_id]


def _leads(user: AnyUser, team_id: int) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or _role(user, team_id) == Role.LEAD))


def _belongs(user: AnyUser, team_id: int) -> bool:
    return _role(user, team_id) is not None


def is_team_member(user: AnyUser, team: Team) -> bool:
    """Belongs to the team (a lead is a member too)."""
    return _belongs(user, team.pk)


def is_team_lead(user: AnyUser, team: Team) -> bool:
    """Leads the team; a superuser stands in for the lead of every team."""
    return _leads(user, team.pk)


def led_team_ids(user: AnyUser) -> list[int]:
    """The ids of the teams this user leads, asked once per request (cached on the user object):
    the navigation, the badge and the moderation queue all ask it."""
    if not user.is_authenticated:
        return []
    led: list[int] | None = getattr(user, "_led_team_ids", None)
    if led is None:
        # Not mutated: values_list(flat=True) with no field gives the first column, the id too.
        led = list(Team.objects.led_by(user).values_list("pk", flat=True))  # pragma: no mutate
        user._led_team_ids = led  # type: ignore[union-attr,attr-defined]
    return led


def leads_any_team(user: AnyUser) -> bool:
    return bool(led_team_ids(user))


# --- teams and their pages ---------------------------------------------------------------------


def can_read_team(user: AnyUser, team: Team) -> bool:
    """A team's retros, trends and karma: its members, its lead, and moderators from outside."""
    return is_team_member(user, team) or is_moderator(user)


def can_take_part_in_retro(user: AnyUser, team: Team) -> bool:
    """Vote, add and assign action items, tick them off: the team's members."""
    return is_team_member(user, team)


def can_edit_retro_notes(user: AnyUser, team: Team) -> bool:
    """The notes are written by everyone in the room (compare-and-set keeps every word)."""
    return is_team_member(user, team) or is_team_lead(user, team)


def can_run_retro_meeting(user: AnyUser, team: Team) -> bool:
    """Move the meeting's shared step and run its timer: the lead, who facilitates."""
    return is_team_lead(user, team)


def can_close_retro(user: AnyUser, team: Team) -> bool:
    """Close and reopen the month's retro."""
    return is_team_lead(user, team)


def can_compare_teams(user: AnyUser) -> bool:
    """The cross-team retro: moderators only (no team sees another's figures)."""
    return is_moderator(user)


def can_moderate_team(user: AnyUser, team: Team) -> bool:
    return is_moderator(user) or is_team_lead(user, team)


def can_open_moderation_queue(user: AnyUser) -> bool:
    """The queue (and its navigation link): moderators, and the lead of at least one team."""
    return is_moderator(user) or leads_any_team(user)


# --- stories ---------------------------------------------------------------------------------


def can_see_story(user: AnyUser, story: Story) -> bool:
    """The author always sees their own; a withdrawn story nobody else ("nobody else will see
    it", the author was told: not the lead, not a moderator); moderators and the lead see the
    rest; members see the published ones."""
    if not user.is_authenticated:
        return False
    if user.pk == story.author_id:
        return True
    if story.status == Status.WITHDRAWN:
        return False
    if is_moderator(user) or _leads(user, story.team_id):
        return True
    return story.status == Status.PUBLISHED and _belongs(user, story.team_id)


def can_moderate_story(user: AnyUser, story: Story) -> bool:
    return is_moderator(user) or _leads(user, story.team_id)


def is_story_author(user: AnyUser, story: Story) -> bool:
    """Edit and withdraw are the author's (the workflow's table says from which statuses)."""
    return bool(user.is_authenticated and story.author_id == user.pk)


def can_edit_story(user: AnyUser, story: Story) -> bool:
    """Its author, while it waits for review or was sent back."""
    return is_story_author(user, story) and story.status in {Status.PENDING, Status.REJECTED}


def can_publish_personal_data(user: AnyUser) -> bool:
    """Approve or restore a story the personal-data guard finds something in: moderators only."""
    return is_moderator(user)


def can_flag_story(user: AnyUser, story: Story) -> bool:
    """Members flag other people's published stories; an author edits, withdraws or asks their lead."""
    return story.status == Status.PUBLISHED and user.pk != story.author_id and _belongs(user, story.team_id)


def can_use_admin(user: AnyUser) -> bool:
    """Django's admin lets staff in (it checks `is_staff` itself); the menu offers it to them."""
    return bool(user.is_authenticated and user.is_staff)


def can_see_withdrawn_in_admin(user: AnyUser) -> bool:
    """The admin keeps withdrawn stories (and what points at them) for superusers alone."""
    return bool(user.is_authenticated and user.is_superuser)


def sees_author_names(user: AnyUser) -> bool:
    """Who wrote an anonymous story, and who flagged one: moderators only."""
    return is_moderator(user)


# --- members ---------------------------------------------------------------------------------


def can_manage_members(user: AnyUser, team: Team) -> bool:
    """The members page: a team's leads (a superuser stands in), and moderators, invite,
    change roles and remove people; its members only read the list."""
    return is_team_lead(user, team) or is_moderator(user)


def can_change_team_settings(user: AnyUser, team: Team) -> bool:
    """The team's own settings (the language its stories are searched in): its leads."""
    return is_team_lead(user, team)


# --- karma -----------------------------------------------------------------------------------


def can_add_sequel(user: AnyUser, story: Story) -> bool:
    """Sequels are the team's record: its members (or the superuser standing in for its lead)
    link them to a published story; a moderator reading from outside only reads."""
    return story.status == Status.PUBLISHED and (
        _belongs(user, story.team_id)
        # Only a superuser outside the team gets this far, and _leads asks it no team: not mutated.
        or _leads(user, story.team_id)  # pragma: no mutate
    )


def can_close_karma(user: AnyUser, story: Story) -> bool:
    """Say (or take back) "nothing came of it": the author or the team's lead."""
    return bool(user.is_authenticated and (story.author_id == user.pk or _leads(user, story.team_id)))


# --- what each view answers to ---------------------------------------------------------------

View = TypeVar("View", bound=Callable[..., Any])


def about(rule: Callable[..., bool]) -> str:
    """What a rule asks about after the user: "story", "team", or "" (the user alone)."""
    names = list(inspect.signature(rule).parameters)[1:]
    return names[0] if names else ""


def asks(
    *rules: Callable[..., bool], public: bool = False, stamp: Callable[..., str] | None = None
) -> Callable[[View], View]:
    """Declares, once, the rules a view refuses on (403), beyond seeing what its URL names.

    Seeing comes first and answers 404: a URL with a story asks `can_see_story`, one with a
    team (by slug or id) `can_read_team`. Then each declared rule is asked: a rule about the
    user alone before the view runs; a rule about a story or a team by the loader of
    `core/http.py` that gives the view its story or team, so the view never names the rule
    again. With no rule, any signed-in person may use the view (`public`: anyone). The
    permission test reads the same declaration to check every URL's answers.

    `stamp` marks a polling view: given the URL's arguments, it returns the current stamp of
    what the view shows. A poll holding that stamp is answered 304 before anyone is asked who
    they are (the stamp says only "nothing changed"); every other request is judged as above.
    """
    for rule in rules:
        assert about(rule) in ("", "story", "team"), f"{rule.__name__}: no loader asks about that"

    def declare(view: View) -> View:
        @functools.wraps(view)
        def asking(request: Any, *args: Any, **kwargs: Any) -> Any:
            # What the loaders ask once they hold the view's story or team.
            request.declared_rules = rules
            for rule in rules:
                if not about(rule) and not rule(request.user):
                    raise PermissionDenied(f"{rule.__name__} says no.")
            return view(request, *args, **kwargs)

        asking.access_rules = rules  # type: ignore[attr-defined]
        asking.open_to_all = public  # type: ignore[attr-defined]
        asking.stamp = stamp  # type: ignore[attr-defined]
        return cast(View, asking)  # pragma: no mutate (cast only tells the type checker)

    return declare
