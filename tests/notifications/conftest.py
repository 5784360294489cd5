from __future__ import annotations

from typing import Any

import pytest

from stories.accounts.models import Profile
from stories.models import Status
from tests.factories import MembershipFactory, StoryFactory, UserFactory


@pytest.fixture
def mute() -> Any:
    """mute(user, kind, channel): the person switches one kind off in the app or by e-mail."""

    def do(user: Any, kind: str, channel: str) -> None:
        profile, _created = Profile.objects.get_or_create(user=user)
        field = "muted_in_app" if channel == "app" else "muted_email"
        setattr(profile, field, [*getattr(profile, field), kind])
        profile.save()
        user.refresh_from_db()

    return do


@pytest.fixture
def make_story(team: Any, member: Any) -> Any:
    def make(status: str = Status.PENDING, **fields: Any) -> Any:
        fields.setdefault("team", team)
        fields.setdefault("author", member)
        if status != Status.PUBLISHED:
            fields.setdefault("published_at", None)
        return StoryFactory(status=status, **fields)

    return make


@pytest.fixture
def colleague(team: Any) -> Any:
    user = UserFactory(username="colleague", first_name="Cole")
    MembershipFactory(user=user, team=team)
    return user
