"""`@asks(...)` is the one place a view names its rules: the loaders of core/http.py ask them."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from stories.core import policy
from stories.core.http import get_team_access
from stories.core.policy import asks


@asks(policy.can_close_retro)
def close_something(request: Any, slug: str) -> HttpResponse:
    get_team_access(request, slug)
    return HttpResponse("closed")


@asks(policy.can_compare_teams)
def compare(request: Any) -> HttpResponse:
    return HttpResponse("compared")


def undeclared(request: Any, slug: str) -> HttpResponse:
    get_team_access(request, slug)
    return HttpResponse("loaded")


def _request(user: Any) -> Any:
    request = RequestFactory().post("/")
    request.user = user
    return request


def test_it_asks_a_declared_team_rule_when_the_view_loads_the_team(team: Any, member: Any, lead: Any) -> None:
    assert close_something(_request(lead), team.slug).content == b"closed"
    with pytest.raises(PermissionDenied):
        close_something(_request(member), team.slug)


def test_it_answers_404_before_the_rule_to_whoever_may_not_read_the_team(team: Any, outsider: Any) -> None:
    with pytest.raises(Http404):
        close_something(_request(outsider), team.slug)


def test_it_asks_a_rule_about_the_user_alone_before_the_view_runs(member: Any, moderator: Any) -> None:
    assert compare(_request(moderator)).content == b"compared"
    with pytest.raises(PermissionDenied):
        compare(_request(member))


def test_it_refuses_to_load_a_team_for_a_view_that_declares_nothing(team: Any, lead: Any) -> None:
    with pytest.raises(ImproperlyConfigured):
        undeclared(_request(lead), team.slug)
