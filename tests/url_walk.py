"""Every URL of the project, filled from a small fixture world, for tests that must walk them all.

The list comes from the URL resolver, so a page added tomorrow is walked tomorrow without
anyone editing a test. Three names are the whole API:

    world = build_world()            # needs the database (a `db` test); see build_world's arguments
    for case in url_cases(world):    # UrlCase(name, route, url, methods, htmx, story)
        client = client_for(world, "member")
        ...

* `UrlCase.methods` are the HTTP methods the view accepts (read from its
  `require_http_methods`/`require_safe`/`require_POST` decorator, or a class-based view's
  handlers); `UrlCase.reads` says whether GET is one of them.
* `UrlCase.htmx` is True when the view (or a helper of its own module it calls) reads
  `request.htmx`, so it answers an HX-Request with a fragment: walk those with and without
  the `HX-Request: true` header (see `HTMX`).
* `url_cases(world, stories=world.stories)` walks every URL taking a story once per story
  of the world (pending, hidden, rejected...), not just the one it acts on by default.
* `ROLES` are the people of the world; `client_for(world, role)` logs one in.

A URL argument the walk cannot fill is a failure (`UnfilledUrl`), never a silent skip: the
message says which table below to teach. URLs left out on purpose are in `EXCLUDED`, each
with its reason.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from stories.core.months import add_months
from stories.models import FlagReason, Retro, SequelLink, SequelOutcome, Status, Story
from tests.factories import MembershipFactory, StoryFactory, TeamFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}

ROLES = ("anonymous", "outsider", "member", "author", "lead", "other_lead", "moderator", "superuser")

# Left out of the walk, by URL prefix or by the module of the view, with the reason.
EXCLUDED: dict[str, str] = {
    "admin/": "Django's admin: staff only, its pages and escaping are Django's own and tested there",
    "django.contrib.auth.": "Django's login, logout and password views: no text a person typed "
    "in this app is shown there, and their access rules are Django's",
}

# Which story of the world each URL acts on, by URL name; any other URL gets "published".
STORY_FOR: dict[str, str] = {
    "story_edit": "pending",
    "story_withdraw": "pending",
    "moderation_approve": "pending",
    "moderation_reject": "pending",
    "moderation_redact": "pending",
    "moderation_hide": "published",
    "moderation_restore": "hidden",
    "moderation_dismiss_flags": "flagged",
    "karma_close": "watched",
    "karma_reopen": "watched",
}

# How each URL argument is filled from the world, by argument name.
ARGS: dict[str, Callable[[World, str], Any]] = {
    "slug": lambda world, name: world.team.slug,
    # The live poll names its team by id (an unchanged poll is answered without a query).
    "team_id": lambda world, name: world.team.pk,
    "view": lambda world, name: "page",
    "month": lambda world, name: world.month,
    "story_id": lambda world, name: world.stories[STORY_FOR.get(name, "published")].pk,
    "item_id": lambda world, name: world.action_item.pk,
    "step": lambda world, name: "top",
    # 0 (no such member: a 404) once a walked POST has removed the member.
    "membership_id": lambda world, name: getattr(
        world.team.memberships.filter(user=world.users["member"]).first(), "pk", 0
    ),
    "invitation_id": lambda world, name: _invitation(world)[0].pk,
    # The invitation link's token, or (Django's reset page, walked on request) a reset link's.
    "token": lambda world, name: (
        _reset_link(world) if name == "password_reset_confirm" else _invitation(world)
    )[1],
    "uidb64": lambda world, name: _reset_link(world)[0],
}


def _invitation(world: World) -> tuple[Any, str]:
    """An open invitation to the team and its link's token, made once per world when first asked."""
    if "invitation" not in world.extra:
        from stories.members import actions
        from stories.models import OutgoingMail

        invitation = actions.invite(
            world.team, ["walk-invited@example.com"], role="member", by=world.users["lead"]
        )[0]
        body = OutgoingMail.objects.filter(to="walk-invited@example.com").latest("pk").body
        world.extra["invitation"] = (invitation, re.search(r"/invitations/([^/\s]+)/", body).group(1))
    return world.extra["invitation"]


def _reset_link(world: World) -> tuple[str, str]:
    """The member's password-reset link: the user's id and the token, as the reset mail has them."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    member = world.users["member"]
    return urlsafe_base64_encode(force_bytes(member.pk)), default_token_generator.make_token(member)


# Query strings a URL needs to show anything, by URL name.
QUERY: dict[str, Callable[[World], dict[str, Any]]] = {
    "karma_suggestions": lambda world: {
        "team": world.team.pk,
        "client_nickname": world.stories["published"].client_nickname,
        "title": world.stories["published"].title,
    },
}


class UnfilledUrl(AssertionError):
    """A URL argument the walk does not know how to fill: teach it, do not skip it."""


@dataclass(frozen=True)
class UrlCase:
    name: str
    route: str
    url: str
    methods: frozenset[str]
    htmx: bool
    story: str = ""

    @property
    def reads(self) -> bool:
        return "GET" in self.methods

    def __str__(self) -> str:
        return self.name


@dataclass
class World:
    """A team with one of everything, and the people of ROLES."""

    team: Any
    other_team: Any
    users: dict[str, Any]
    month: dt.date
    stories: dict[str, Story]
    retro: Retro
    action_item: Any
    extra: dict[str, Any] = field(default_factory=dict)


def _plain(name: str) -> str:
    return f"Plain {name.replace('_', ' ')}"


def build_world(
    text: Callable[[str], str] = _plain,
    *,
    anonymous: bool = False,
    author_name: tuple[str, str] = ("Ada", "Author"),
) -> World:
    """Teams, people, stories in every status, a retro with votes, notes and an action item.

    `text(field)` is what a person typed into each field (e.g. "title", "flag_comment",
    "team_name"); the escaping test passes payloads. `anonymous` makes every story of the
    author an anonymous one; `author_name` is the author's first and last name. The stories
    are in the team's previous month (`world.month`), except "watched", which is 30 days old.
    """
    team = TeamFactory(name=text("team_name"), slug="front-desk", time_zone="Europe/London")
    other_team = TeamFactory(name=text("other_team_name"), slug="support-line")
    users: dict[str, Any] = {"anonymous": None}
    cast = [("outsider", other_team, "member"), ("member", team, "member"), ("lead", team, "lead")]
    cast += [("other_lead", other_team, "lead"), ("author", team, "member")]
    for role, in_team, team_role in cast:
        first, last = author_name if role == "author" else (text(f"{role}_first_name"), text("last_name"))
        user = _person(f"walk-{role}", first_name=first, last_name=last)
        MembershipFactory(user=user, team=in_team, role=team_role)
        users[role] = user
    users["moderator"] = _person("walk-moderator", first_name=text("moderator_first_name"))
    users["moderator"].user_permissions.add(Permission.objects.get(codename="moderate_story"))
    users["superuser"] = _person("walk-admin", is_staff=True, is_superuser=True)
    # Three more people, so the retro's breakdowns clear the privacy floor and are shown.
    crowd = [_person(f"walk-crowd-{n}", first_name=text("first_name")) for n in range(3)]
    for person in crowd:
        MembershipFactory(user=person, team=team)

    today = team.today()
    month = add_months(today.replace(day=1), -1)
    principle = _renamed_principle(text)

    def story(status: str, day: int, **fields: Any) -> Story:
        fields.setdefault("author", users["author"])
        fields.setdefault("anonymous", anonymous and fields["author"] == users["author"])
        return StoryFactory(
            team=team,
            status=status,
            published_at=timezone.now() if status == Status.PUBLISHED else None,
            happened_on=month + dt.timedelta(days=day),
            title=text("title"),
            what_happened=text("what_happened"),
            lesson=text("lesson"),
            went_beyond=True,
            cost_note=text("cost_note"),
            client_nickname=text("client_nickname"),
            tags=[(principle.slug, "honoured")],
            **fields,
        )

    stories = {
        "published": story(Status.PUBLISHED, 2),
        "pending": story(Status.PENDING, 3),
        "hidden": story(Status.PUBLISHED, 4),
        "flagged": story(Status.PUBLISHED, 5),
        "rejected": story(Status.PENDING, 6),
        "sequel": story(Status.PUBLISHED, 9),
    }
    for n, person in enumerate(crowd):
        stories[f"crowd_{n}"] = story(Status.PUBLISHED, 10 + n, author=person)
    stories["watched"] = StoryFactory(
        team=team,
        author=users["author"],
        anonymous=anonymous,
        happened_on=today - dt.timedelta(days=30),
        title=text("title"),
        what_happened=text("what_happened"),
        went_beyond=True,
        cost_note=text("cost_note"),
        client_nickname=text("client_nickname"),
        tags=[(principle.slug, "honoured")],
    )
    lead = users["lead"]
    stories["hidden"].hide(by=lead, reason=text("hide_reason"))
    stories["rejected"].reject(by=lead, reason=text("reject_reason"))
    stories["flagged"].flag(by=users["member"], reason=FlagReason.OTHER, comment=text("flag_comment"))
    SequelLink.link(
        original=stories["published"],
        sequel=stories["sequel"],
        outcome=SequelOutcome.CLIENT_RETURNED,
        by=lead,
    )

    retro = Retro.objects.create(team=team, month=month)
    retro.save_notes(text("retro_notes"), base_version=retro.notes_version, by=lead)
    for voter in (users["member"], lead, *crowd):
        retro.vote(stories["published"], by=voter)
    action_item = retro.add_action_item(text=text("action_item"), owner=lead, due_on=today, by=lead)
    return World(team, other_team, users, month, stories, retro, action_item)


def _person(username: str, **fields: Any) -> Any:
    # No password: the walk logs people in with force_login, and hashing eleven passwords
    # would take seconds.
    return UserFactory(username=username, password=None, **fields)


def _renamed_principle(text: Callable[[str], str]) -> Any:
    """The catalogue's first principle, with the name an admin typed."""
    from stories.models import Principle

    principle = Principle.objects.order_by("position").first()
    assert principle is not None, "the principle catalogue (data migration 0002) is missing"
    principle.name = text("principle_name")
    principle.save(update_fields=["name"])
    return principle


def client_for(world: World, role: str) -> Client:
    """A test client logged in as the world's person for `role` (not logged in for "anonymous")."""
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


# --- the walk -------------------------------------------------------------------------------


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, Any]]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, route, inner)
        elif isinstance(entry, URLPattern):
            yield route, f"{namespace}{entry.name}" if entry.name else "", entry.callback


def _excluded(route: str, callback: Any, walked: Iterable[str]) -> bool:
    module = getattr(callback, "view_class", callback).__module__ + "."
    return any(route.startswith(key) or module.startswith(key) for key in EXCLUDED if key not in walked)


def _argument_names(route: str) -> list[str]:
    """<slug:slug> of path() and (?P<slug>...) of re_path()."""
    return [a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)]


def methods_of(callback: Any) -> frozenset[str]:
    """The methods a view accepts, from its method decorator or its class's handlers."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return frozenset(m.upper() for m in view_class.http_method_names if hasattr(view_class, m)) - {
            "OPTIONS"
        }
    function = callback
    while function is not None:
        allowed = inspect.getclosurevars(function).nonlocals.get("request_method_list")
        if allowed is not None:
            return frozenset(allowed)
        function = getattr(function, "__wrapped__", None)
    raise UnfilledUrl(
        f"{callback.__module__}.{callback.__name__} accepts every method: give it "
        "@require_safe, @require_POST or @require_http_methods([...])"
    )


def answers_htmx(callback: Any, _seen: set[Any] | None = None) -> bool:
    """Does the view, or a function of the project it calls, read `request.htmx`?"""
    seen = _seen if _seen is not None else set()
    function = inspect.unwrap(getattr(callback, "view_class", callback))
    if function in seen:
        return False
    seen.add(function)
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError):
        return False
    module_globals = getattr(function, "__globals__", {})
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "htmx":
            return True
        if isinstance(node, ast.Constant) and node.value in ("htmx", "HX-Request"):
            return True
        target = None
        if isinstance(node, ast.Name):
            target = module_globals.get(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            target = getattr(module_globals.get(node.value.id), node.attr, None)
        ours = inspect.isfunction(target) and target.__module__.startswith("stories.")
        if ours and answers_htmx(target, seen):
            return True
    return False


def url_cases(world: World, stories: Iterable[str] = (), also: Iterable[str] = ()) -> list[UrlCase]:
    """One case per URL pattern of the project (minus EXCLUDED), its arguments filled from the world.

    A URL taking a story is filled with the story STORY_FOR names; with `stories` (keys of
    `world.stories`), with each of those instead, one case apiece (`UrlCase.story` says which).
    `also` names keys of EXCLUDED to walk all the same (the CSP test opens Django's own
    account pages, which show our templates).
    """
    cases = []
    walked = frozenset(also)
    for route, name, callback in _walk(get_resolver()):
        if _excluded(route, callback, walked):
            continue
        if not name:
            raise UnfilledUrl(f"The URL {route!r} has no name: give it one so the walk can reverse it.")
        arguments = _argument_names(route)
        for argument in arguments:
            if argument not in ARGS:
                raise UnfilledUrl(
                    f"The URL {name!r} ({route}) takes {argument!r}, which tests/url_walk.py cannot "
                    f"fill: add {argument!r} to ARGS there (and, if it needs a new object, create it "
                    "in build_world)."
                )
        methods, htmx = methods_of(callback), answers_htmx(callback)
        keys = list(stories) if stories and "story_id" in arguments else [STORY_FOR.get(name, "published")]
        for key in keys:
            kwargs = {argument: ARGS[argument](world, name) for argument in arguments}
            if "story_id" in kwargs:
                kwargs["story_id"] = world.stories[key].pk
            url = reverse(name, kwargs=kwargs)
            if name in QUERY:
                url += "?" + urlencode(QUERY[name](world))
            story = key if "story_id" in arguments else ""
            cases.append(UrlCase(name, route, url, methods, htmx, story))
    return cases
