"""Builders for story form posts, shared by the story view tests."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone

from stories.models import Principle


def story_post(team: Any, **overrides: Any) -> dict[str, Any]:
    empathy = Principle.objects.get(slug="empathy")
    data: dict[str, Any] = {
        "team": team.pk,
        "kind": "good",
        "perspective": "gave",
        "title": "Stayed late to fix a wrong order",
        "what_happened": "A parcel went to the wrong town; Sam drove it over after closing.",
        "lesson": "Owning the mistake made a fan of the customer.",
        "principles": [empathy.pk],
        "happened_on": timezone.localdate(timezone=team.zone).isoformat(),
        "channel": "in_person",
        "client_nickname": "",
        "cost_note": "",
        "submission_token": str(uuid.uuid4()),
        "sequel_outcome": "",
    }
    data.update(overrides)
    return data
