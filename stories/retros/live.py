"""The live-update stamp of a retro: a few counters in the shared cache.

Every open copy of a retro page (or meeting) polls every two seconds with the stamp it last
saw; while nothing changed the answer is a 304 worked out from the cache alone, with no
database query, so a room full of laptops costs next to nothing. The cache is Django's
default cache, shared by every app server when it is Redis, so a change made through one
server is seen by the polls answered by another.

Parts are counted apart so a poll re-renders only what changed: a retro's votes, notes and
meeting step belong to its month; action items to the team, because an item is carried into
every later month's retro until it is done.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.cache import cache
from django.urls import reverse

from stories.core.counters import increment

VOTES, NOTES, STEP, ACTIONS = "votes", "notes", "step", "actions"
PARTS = (VOTES, NOTES, STEP, ACTIONS)
_MONTH_PARTS = (VOTES, NOTES, STEP)


def _key(team_id: int, month: dt.date, part: str) -> str:
    if part == ACTIONS:
        return f"retro-live:{team_id}:actions"
    return f"retro-live:{team_id}:{month:%Y-%m}:{part}"


def bump(team_id: int, month: dt.date | None, *parts: str) -> None:
    """Count a change; with no parts, everything of the month changed (close, reopen)."""
    increment(
        *(
            _key(team_id, month or dt.date.min, part)
            for part in parts or PARTS
            if month is not None or part == ACTIONS
        )
    )


def versions(team_id: int, month: dt.date) -> dict[str, int]:
    """The current counters, in one cache round trip."""
    keys = {part: _key(team_id, month, part) for part in PARTS}
    found = cache.get_many(list(keys.values()))
    return {part: int(found.get(key, 0)) for part, key in keys.items()}


def etag(current: dict[str, int]) -> str:
    return '"' + ".".join(str(current[part]) for part in PARTS) + '"'


def stamp(team_id: int, month: dt.date, **url_arguments: Any) -> str:
    """The current stamp of a retro's live poll, from its URL's arguments."""
    return etag(versions(team_id, month))


def parse_etag(header: str) -> dict[str, int] | None:
    """The versions a client holds, from its If-None-Match; None if it holds none."""
    numbers = header.strip().removeprefix("W/").strip('"').split(".")
    if len(numbers) != len(PARTS) or not all(number.isdigit() for number in numbers):
        return None
    return dict(zip(PARTS, (int(number) for number in numbers), strict=True))


def changed_parts(held: dict[str, int] | None, current: dict[str, int]) -> set[str]:
    if held is None:
        return set(PARTS)
    return {part for part in PARTS if held[part] != current[part]}


def bump_on_commit(team_id: int, month: dt.date | None, *parts: str) -> None:
    """Bump now and again once the change is committed: a poll answered between the two sees
    the old rows, and the second bump makes sure it comes back for the new ones."""
    from django.db import transaction

    bump(team_id, month, *parts)
    transaction.on_commit(lambda: bump(team_id, month, *parts))


def live_context(
    team_id: int, month: dt.date, view: str = "page", step: str = "", mine: bool = False
) -> dict[str, Any]:
    """The polling element's attributes. Read before the page's rows, so a change made
    while the page is rendered is fetched by the first poll rather than missed."""
    tag = etag(versions(team_id, month))
    url = reverse("retro_live", kwargs={"team_id": team_id, "month": month, "view": view})
    return {
        "live_url": f"{url}?step={step}" if step else f"{url}?mine=1" if mine else url,
        "live_headers": json.dumps({"If-None-Match": tag}),
    }
