"""A value the cache lost is computed by one app server; the others wait for it.

"Another app server" is a thread here: it shares the local-memory cache, as servers share Redis.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from concurrent.futures import Future

import pytest
from django.core.cache import cache

from stories.core import counters
from stories.core.counters import keep, recall, remembered
from stories.core.figure_cache import FIGURES, _month_slot, month_by_month

KEY, COUNTERS = "one-computation-test", ["one-computation-test-counter"]
CLAIM = f"computing:{KEY}"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def _never() -> int:
    raise AssertionError("computed although another server was computing it")


def _later(seconds: float, action) -> Future:
    """action() on another thread after `seconds`; .result() waits for it and raises what it raised."""

    def run() -> None:
        time.sleep(seconds)
        action()

    future: Future = Future()

    def thread() -> None:
        try:
            run()
        except BaseException as error:  # handed to the test through .result()
            future.set_exception(error)
        else:
            future.set_result(None)

    threading.Thread(target=thread).start()
    return future


def _another_server_keeps(value: int) -> None:
    [(stamp, _hit, _value)] = recall([(KEY, COUNTERS)])
    keep({KEY: (stamp, value)}, 60)
    cache.delete(CLAIM)


def test_it_waits_for_the_value_another_server_is_computing():
    assert cache.add(CLAIM, True)
    other = _later(0.1, lambda: _another_server_keeps(42))

    assert remembered(KEY, COUNTERS, _never, 60) == 42
    other.result(timeout=10)


def test_it_computes_and_frees_its_claim():
    assert remembered(KEY, COUNTERS, lambda: 7, 60) == 7

    assert cache.get(CLAIM) is None
    assert remembered(KEY, COUNTERS, _never, 60) == 7


def test_it_computes_itself_when_the_other_computation_ends_without_a_value():
    assert cache.add(CLAIM, True)
    other = _later(0.1, lambda: cache.delete(CLAIM))

    assert remembered(KEY, COUNTERS, lambda: 7, 60) == 7
    other.result(timeout=10)


def test_it_frees_its_claim_when_the_computation_fails():
    def failing() -> int:
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        remembered(KEY, COUNTERS, failing, 60)

    assert cache.get(CLAIM) is None
    assert remembered(KEY, COUNTERS, lambda: 7, 60) == 7


def test_it_stops_waiting_for_a_computation_that_takes_too_long(monkeypatch):
    monkeypatch.setattr(counters, "WAIT_SECONDS", 0.2)
    assert cache.add(CLAIM, True)  # and never let go

    began = time.monotonic()
    assert remembered(KEY, COUNTERS, lambda: 7, 60) == 7
    assert 0.2 <= time.monotonic() - began < 2


def test_it_does_not_take_a_value_kept_under_counters_that_moved_since():
    assert cache.add(CLAIM, True)

    def another_server_keeps_an_old_value() -> None:
        [(stamp, _hit, _value)] = recall([(KEY, COUNTERS)])
        counters.increment(COUNTERS[0])  # a story moved while it was computing
        keep({KEY: (stamp, 41)}, 60)
        cache.delete(CLAIM)

    other = _later(0.1, another_server_keeps_an_old_value)
    assert remembered(KEY, COUNTERS, lambda: 42, 60) == 42
    other.result(timeout=10)


def test_it_waits_for_the_months_another_server_is_counting():
    months = [dt.date(2026, 4, 1), dt.date(2026, 5, 1)]
    claim = f"computing:{FIGURES}:9:test-rows:months"
    assert cache.add(claim, True)

    def another_server_keeps_the_months() -> None:
        slots = [_month_slot(9, "test-rows", [month]) for month in months]
        recalled = recall(slots)
        keep(
            {
                key: (stamp, [m.month])
                for m, (key, _c), (stamp, _h, _v) in zip(months, slots, recalled, strict=True)
            },
            60,
        )
        cache.delete(claim)

    other = _later(0.1, another_server_keeps_the_months)

    def never(first, end):
        raise AssertionError("counted although another server was counting them")

    assert month_by_month(9, "test-rows", months, never, month_of=lambda row: row) == [4, 5]
    other.result(timeout=10)
    assert cache.get(claim) is None


def test_it_never_waits_inside_its_own_computation():
    # Server A computes X and needs Y; server B computes Y and needs X: neither may wait.
    inner = "one-computation-inner"
    assert cache.add(f"computing:{inner}", True)  # another server holds Y

    def outer() -> int:
        return remembered(inner, COUNTERS, lambda: 5, 60) + 1

    began = time.monotonic()
    assert remembered(KEY, COUNTERS, outer, 60) == 6
    assert time.monotonic() - began < counters.WAIT_SECONDS / 2
