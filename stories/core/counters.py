"""Counters in the shared cache, and values remembered for as long as their counters stand still.

A counter is bumped by whatever changes the rows behind a cached value; the value is stored
with the counters it was computed under, and read back only while they are unchanged. With
Redis as the cache every app server sees the same counters, so a change made through one
server is never answered from an old value by another.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")


def _clock() -> int:
    return int(time.time() * 1000)


def increment(key: str) -> None:
    # A counter the cache lost restarts from the clock, never back at a value that a
    # remembered entry (or a client's ETag) may still hold.
    if not cache.add(key, _clock(), timeout=None):
        try:
            cache.incr(key)
        except ValueError:  # evicted between add() and incr()
            cache.set(key, _clock(), timeout=None)


def increment_on_commit(*keys: str) -> None:
    """Bump now and again once the change is committed: a reader between the two computes from
    the old rows under the new counter, and the second bump makes sure that value is not kept."""

    def bump() -> None:
        for key in keys:
            increment(key)

    bump()
    transaction.on_commit(bump)


def remembered(key: str, counters: Sequence[str], compute: Callable[[], T], timeout: int) -> T:
    """compute(), or its value remembered under `key` while none of `counters` moved.

    The counters are read before computing (one round trip with the entry itself): a change
    made while computing bumps them after, so the value is stored under counters already old.
    """
    found = cache.get_many([key, *counters])
    missing = [counter for counter in counters if counter not in found]
    for counter in missing:
        cache.add(counter, _clock(), timeout=None)
    if missing:
        found.update(cache.get_many(missing))
    stamp = tuple(found.get(counter) for counter in counters)
    entry = found.get(key)
    if entry is not None and entry[0] == stamp:
        return entry[1]  # type: ignore[no-any-return]
    value = compute()
    cache.set(key, (stamp, value), timeout)
    return value
