"""Shared counters: each bump raises every counter it names by one; a lost counter restarts
from the clock, never from a value an old remembered entry may still hold."""

from __future__ import annotations

import time

from django.core.cache import cache

from stories.core.counters import increment


def _now_ms() -> int:
    return int(time.time() * 1000)


def test_it_starts_a_new_counter_from_the_clock(shared_cache):
    before = _now_ms()
    increment("counter-test-a")
    assert before <= cache.get("counter-test-a") <= _now_ms() + 1


def test_it_raises_every_counter_named_by_one(shared_cache):
    increment("counter-test-a", "counter-test-b")
    first = cache.get_many(["counter-test-a", "counter-test-b"])
    increment("counter-test-a", "counter-test-b")
    increment("counter-test-b")
    assert cache.get("counter-test-a") == first["counter-test-a"] + 1
    assert cache.get("counter-test-b") == first["counter-test-b"] + 2


def test_it_restarts_a_lost_counter_from_the_clock(shared_cache):
    increment("counter-test-a")
    cache.delete("counter-test-a")
    before = _now_ms()
    increment("counter-test-a", "counter-test-b")
    assert cache.get("counter-test-a") >= before


def test_it_leaves_counters_it_was_not_given(shared_cache):
    increment("counter-test-a")
    increment("counter-test-b")
    assert cache.get("counter-test-c") is None
