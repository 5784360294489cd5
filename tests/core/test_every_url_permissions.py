"""Every URL of the project, as every role, GET and POST, with and without HX-Request: each
answer is the one the access policy gives.

Nothing here lists URLs. They come from the resolver (`tests/url_walk.py`); what a view refuses
on comes from its `@asks(...)` declaration (`stories/core/policy.py`) and the URL's arguments
(a story must be seen, `can_see_story`; a team, named by slug or id, read: `can_read_team`), and
the methods from its decorators. The expected answer is worked out from the policy's predicates,
live, before each request (a POST that closed a retro or withdrew a story changes what comes after):

* a polling view (`@asks(stamp=...)`) asked with its current stamp: 304, whoever asks (the stamp
  says only "nothing changed"); without it, as any other view:
* anonymous: the login page (302), except for views open to all;
* a method the view does not take: 405;
* a story or team the person may not see: 404, so outsiders learn nothing;
* a declared rule that says no: 403;
* otherwise the view answers (2xx or 3xx, never the login page).
"""

from __future__ import annotations

import inspect
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import resolve

from stories.core import policy
from stories.models import Story, Team
from tests.url_walk import HTMX, ROLES, UrlCase, World, build_world, client_for, url_cases

METHODS = ("GET", "POST")
ALLOWED = "allowed"
# Answers that come after access was granted: the request itself was wrong or stale.
ANSWERED_ERRORS = {400, 410}
# What a POST must carry for the view to answer at all (not access: which field to check).
POST_DATA = {"story_validate": {"_field": "title"}}


def _rules_of(callback: Any) -> tuple[tuple[Any, ...], bool]:
    rules = getattr(callback, "access_rules", None)
    public = getattr(callback, "open_to_all", False)
    assert rules is not None or public, (
        f"{callback.__module__}.{callback.__name__} declares no access rule: "
        "give it @asks(...) from stories.core.policy (@asks() for any signed-in person)"
    )
    return rules or (), public


def _arguments(rule: Any, user: Any, story: Story | None, team: Any) -> tuple[Any, ...]:
    """A predicate's arguments after the user, by the name of its second parameter."""
    names = list(inspect.signature(rule).parameters)[1:]
    things = {"story": story, "team": team}
    assert all(things.get(name) is not None for name in names), (rule.__name__, names)
    return tuple(things[name] for name in names)


def _team_named(kwargs: dict[str, Any]) -> Team | None:
    """The team a URL names, by slug or (the live poll) by id."""
    if "slug" in kwargs:
        return Team.objects.get(slug=kwargs["slug"])
    if "team_id" in kwargs:
        return Team.objects.get(pk=kwargs["team_id"])
    return None


def _held_stamp(case: UrlCase) -> str | None:
    """The current stamp of a polling view's URL, as a client that saw the page holds it."""
    match = resolve(urlsplit(case.url).path)
    stamp = getattr(match.func, "stamp", None)
    return stamp(**match.kwargs) if stamp is not None else None


def expected_answer(case: UrlCase, method: str, world: World, role: str) -> int | str:
    match = resolve(urlsplit(case.url).path)
    rules, public = _rules_of(match.func)
    user = world.users[role]
    if user is None and not public:
        return "login"
    if method not in case.methods:
        return 405
    if public:
        return ALLOWED
    story = (
        Story.objects.select_related("team", "author").get(pk=match.kwargs["story_id"])
        if case.story
        else None
    )
    team = _team_named(match.kwargs)
    if team is not None and not policy.can_read_team(user, team):
        return 404
    team = team or (story.team if story else None)
    if story is not None and not policy.can_see_story(user, story):
        return 404
    for rule in rules:
        if not rule(user, *_arguments(rule, user, story, team)):
            return 403
    return ALLOWED


def _matches(expected: int | str, response: Any) -> bool:
    status = response.status_code
    to_login = status == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    if expected == "login":
        return to_login
    if expected == ALLOWED:
        # The view answered: a page, a redirect, a form sent back with its errors (400), or an
        # invitation link a walked POST has already used (410); never a refusal or the login page.
        return (status < 400 or status in ANSWERED_ERRORS) and not to_login
    return status == expected


@pytest.mark.parametrize("role", ROLES)
def test_it_answers_every_url_as_the_policy_says(db: Any, role: str) -> None:
    world = build_world()
    client = client_for(world, role)
    wrong = []
    for case in url_cases(world):
        for method in METHODS:
            for headers in ({}, HTMX) if case.htmx else ({},):
                expected = expected_answer(case, method, world, role)
                if method == "POST":
                    response = client.post(case.url, POST_DATA.get(case.name, {}), **headers)
                else:
                    response = client.get(case.url, **headers)
                if not _matches(expected, response):
                    htmx = " htmx" if headers else ""
                    wrong.append(
                        f"{method}{htmx} {case.url} ({case.name}): {response.status_code}, expected {expected}"
                    )
        stamp = _held_stamp(case)
        if stamp is not None:
            response = client.get(case.url, HTTP_IF_NONE_MATCH=stamp, **HTMX)
            if response.status_code != 304:
                wrong.append(
                    f"GET {case.url} ({case.name}) with its stamp: {response.status_code}, expected 304"
                )
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def test_it_fails_a_view_that_declares_no_rule() -> None:
    def undeclared(request: Any) -> None: ...

    with pytest.raises(AssertionError, match="declares no access rule"):
        _rules_of(undeclared)
