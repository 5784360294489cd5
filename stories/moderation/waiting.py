"""The moderation badge's count, remembered per person for a short while.

Any new submission, decision, flag or dismissal bumps one counter (`waiting_changed`), which
makes every remembered count old at once: the badge is right after any of them, on every app
server, and costs no query on the pages in between. The short timeout covers what does not
bump it (a person made lead, a moderator's permission granted).
"""

from __future__ import annotations

from collections.abc import Callable

from stories.core.counters import increment_on_commit, remembered

BADGE_TIMEOUT = 60
_GENERATION = "moderation-gen"


def waiting_changed() -> None:
    increment_on_commit(_GENERATION)


def remembered_count(person_id: int, count: Callable[[], int]) -> int:
    return remembered(f"moderation-badge:{person_id}", [_GENERATION], count, BADGE_TIMEOUT)
