"""`decide`, the one door every moderator's decision goes through, passes on who and why."""

from __future__ import annotations

import pytest

from stories.models import ModerationAction, Status

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "action", "reason", "to"),
    [
        (Status.PENDING, ModerationAction.REJECT, "Names a client in full", Status.REJECTED),
        (Status.PUBLISHED, ModerationAction.HIDE, "Off topic for this team", Status.HIDDEN),
        (Status.PENDING, ModerationAction.APPROVE, "", Status.PUBLISHED),
    ],
)
def test_it_records_who_decided_and_why(make_story, lead, status, action, reason, to):
    story = make_story(status)

    event = story.decide(action, by=lead, reason=reason)

    assert (event.action, event.actor, event.reason, event.to_status) == (action, lead, reason, to)
    story.refresh_from_db()
    assert story.status == to
