"""Fixtures for the moderation tests: stories of the Front Desk team in each status."""

from __future__ import annotations

from typing import Any

import pytest

from stories.models import Status
from tests.factories import StoryFactory

CARD = "4111 1111 1111 1111"
EMAIL = "jo.bloggs@example.com"


@pytest.fixture
def make_story(team: Any, member: Any) -> Any:
    """make_story(status, **fields): a story by `member` in `team`, in that status."""

    def make(status: str = Status.PENDING, **fields: Any) -> Any:
        fields.setdefault("team", team)
        fields.setdefault("author", member)
        if status in {Status.PENDING, Status.REJECTED, Status.WITHDRAWN}:
            fields.setdefault("published_at", None)
        return StoryFactory(status=status, **fields)

    return make


@pytest.fixture
def pending(make_story: Any) -> Any:
    return make_story(Status.PENDING, title="Pending story")


@pytest.fixture
def published(make_story: Any) -> Any:
    return make_story(Status.PUBLISHED, title="Published story")


@pytest.fixture
def colleague(team: Any) -> Any:
    """Another plain member of the team, who did not write the stories."""
    from tests.factories import MembershipFactory, UserFactory

    user = UserFactory(username="colleague", first_name="Cole")
    MembershipFactory(user=user, team=team)
    return user


ROLES = ["anonymous", "outsider", "member", "other_lead", "lead", "moderator", "superuser"]


@pytest.fixture
def client_for(request: Any, client: Any) -> Any:
    """client_for(role): a logged-in test client for one of ROLES (a fresh one for anonymous)."""

    def get(role: str) -> Any:
        return client if role == "anonymous" else request.getfixturevalue(f"{role}_client")

    return get
