"""`decide`, the one door every moderator's decision goes through, passes on who and why."""

from __future__ import annotations

import pytest

from stories.models import IllegalTransition, ModerationAction, Status

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


def test_it_asks_for_a_reason_to_reject_and_hides_without_one(make_story, lead):
    pending = make_story(Status.PENDING)
    with pytest.raises(IllegalTransition, match="A rejection needs a reason"):
        pending.decide(ModerationAction.REJECT, by=lead)
    pending.refresh_from_db()
    assert pending.status == Status.PENDING

    event = make_story(Status.PUBLISHED).decide(ModerationAction.HIDE, by=lead)
    assert (event.action, event.reason) == (ModerationAction.HIDE, "")
