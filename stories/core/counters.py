"""Counters in the shared cache, and values remembered for as long as their counters stand still.

A counter is bumped by whatever changes the rows behind a cached value; the value is stored
with the counters it was computed under, and read back only while they are unchanged. With
Redis as the cache every app server sees the same counters, so a change made through one
server is never answered from an old value by another.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction

T = TypeVar("T")


def _clock() -> int:
    return int(time.time() * 1000)


def increment(*keys: str) -> None:
    """Bump each counter: in one round trip to Redis, one at a time in local memory."""
    client = _redis_client()
    if client is None:
        for key in keys:
            _increment_one(key)
        return
    # SET NX then INCR, as one transaction: a counter Redis lost restarts from the clock.
    pipeline = client.pipeline(transaction=True)
    clock = _clock()
    for key in keys:
        made = cache.make_and_validate_key(key)
        pipeline.set(made, clock, nx=True)
        pipeline.incr(made)
    pipeline.execute()


def _redis_client() -> Any:
    """Redis's own client, where Django's cache has no call that does several things at once.
    Django sends every write to its first server, whatever the key: so does this."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    return cast(Any, backend)._cache.get_client(write=True)


def _increment_one(key: str) -> None:
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

    increment(*keys)
    transaction.on_commit(lambda: increment(*keys))


def remembered(key: str, counters: Sequence[str], compute: Callable[[], T], timeout: int) -> T:
    """compute(), or its value remembered under `key` while none of `counters` moved."""
    [(stamp, hit, value)] = recall([(key, counters)])
    if hit:
        return value  # type: ignore[no-any-return]

    def compute_and_keep() -> T:
        value = compute()
        keep({key: (stamp, value)}, timeout)
        return value

    def kept_by_another() -> tuple[bool, Any]:
        [(_stamp, hit, value)] = recall([(key, counters)])
        return hit, value

    return once(key, compute_and_keep, kept_by_another)


# One computation of a value at a time across app servers: when a change makes a big team's
# figures old, every request for them would otherwise compute them again at once (at 1M stories
# both workers spent their time on the same 0.3 s count and p99 rose past a second).
COMPUTING_SECONDS = 30  # the longest a computation holds its claim: one that dies frees it then
WAIT_SECONDS = 5.0  # then a waiter computes the value itself rather than keep its person waiting
POLL_SECONDS = 0.02


class _Holding(threading.local):
    claims = 0


_holding = _Holding()


def once(key: str, compute: Callable[[], T], kept_by_another: Callable[[], tuple[bool, Any]]) -> T:
    """compute() (which keeps its value), unless another app server is already computing `key`:
    then that one's value, read by kept_by_another() once it is kept.

    A waiter computes after all when the other computation ends without keeping a value it can
    use (it failed, or the rows moved meanwhile) or takes longer than WAIT_SECONDS.
    """
    claim = f"computing:{key}"
    if _holding.claims:
        # Computing inside another computation (a karma figure sums the months' cells): never
        # wait here, or two servers each holding what the other waits for stall each other.
        return compute()
    if cache.add(claim, True, timeout=COMPUTING_SECONDS):
        _holding.claims += 1
        try:
            return compute()
        finally:
            _holding.claims -= 1
            cache.delete(claim)
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        # The claim is read before the value: a value kept just before the claim went is seen.
        still_computing = cache.get(claim) is not None
        kept, value = kept_by_another()
        if kept:
            return value  # type: ignore[no-any-return]
        if not still_computing:
            break
    return compute()


Stamp = tuple[object, ...]


def recall(entries: Sequence[tuple[str, Sequence[str]]]) -> list[tuple[Stamp, bool, Any]]:
    """For each (key, counters): the counters' stamp now, whether a value is remembered under
    that stamp, and the value. One round trip (two when a counter is new).

    The counters are read before anything is computed: a change made while computing bumps
    them after, so the value is stored under counters already old.
    """
    counters = list(dict.fromkeys(counter for _key, names in entries for counter in names))
    found = cache.get_many([*(key for key, _names in entries), *counters])
    missing = [counter for counter in counters if counter not in found]
    for counter in missing:
        cache.add(counter, _clock(), timeout=None)
    if missing:
        found.update(cache.get_many(missing))
    recalled: list[tuple[Stamp, bool, Any]] = []
    for key, names in entries:
        stamp = tuple(found.get(counter) for counter in names)
        entry = found.get(key)
        if entry is not None and entry[0] == stamp:
            recalled.append((stamp, True, entry[1]))
        else:
            recalled.append((stamp, False, None))
    return recalled


def keep(values: dict[str, tuple[Stamp, Any]], timeout: int) -> None:
    """Store each value with the stamp recall() gave for its key."""
    if values:
        cache.set_many(values, timeout)
