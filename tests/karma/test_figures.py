"""Karma rate, median days and principles, checked by hand and against a plain Python computation."""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.karma import figures as karma
from stories.models import SequelLink, SequelOutcome, Status, Story
from tests.factories import SequelLinkFactory, StoryFactory
from tests.karma.conftest import FROZEN_NOW, TODAY

pytestmark = pytest.mark.django_db

# The product's rules, written out here rather than read from the code under test, so a
# changed window or outcome list there fails these tests instead of agreeing with them.
WINDOW_DAYS = 180
POSITIVE = {"returned", "referral", "thanks", "bigger_order", "complaint_withdrawn"}


def test_it_counts_a_positive_sequel_within_the_window_as_a_hit(team, story_ago, frozen):
    original = story_ago(200, went_beyond=True, cost_note="Stayed two hours late")
    SequelLinkFactory(original=original, sequel=story_ago(100), outcome=SequelOutcome.REFERRAL)

    rate = karma.karma_rate(team)

    assert (rate.hits, rate.resolved, rate.percent) == (1, 1, 100)


def test_it_leaves_undecided_stories_out_and_counts_closed_and_expired_ones_as_misses(
    team, story_ago, frozen
):
    story_ago(20, went_beyond=True)  # young, undecided
    story_ago(200, went_beyond=True)  # window closed without a sequel
    story_ago(40, went_beyond=True, karma_closed_at=FROZEN_NOW)  # nothing came of it
    late = story_ago(300, went_beyond=True)
    SequelLinkFactory(original=late, sequel=story_ago(50), outcome=SequelOutcome.CLIENT_RETURNED)  # day 250
    neutral = story_ago(250, went_beyond=True)
    SequelLinkFactory(original=neutral, sequel=story_ago(240), outcome=SequelOutcome.OTHER)
    story_ago(250)  # not "went beyond": not in the rate at all

    rate = karma.karma_rate(team)

    assert (rate.hits, rate.resolved, rate.percent) == (0, 4, 0)


def test_it_ignores_unpublished_sequels_and_unpublished_originals(team, story_ago, frozen):
    original = story_ago(200, went_beyond=True)
    SequelLinkFactory(original=original, sequel=story_ago(100, status=Status.PENDING))
    hidden = story_ago(200, went_beyond=True, status=Status.HIDDEN)
    SequelLinkFactory(original=hidden, sequel=story_ago(100))

    rate = karma.karma_rate(team)

    assert (rate.hits, rate.resolved) == (0, 1)


def test_it_computes_the_rate_as_of_an_earlier_day(team, story_ago, frozen):
    original = story_ago(100, went_beyond=True)
    SequelLinkFactory(original=original, sequel=story_ago(10))

    before, after = karma.rates_as_of(team, [TODAY - dt.timedelta(days=20), TODAY])

    assert (before.hits, before.resolved, before.percent) == (0, 0, None)
    assert (after.hits, after.resolved, after.percent) == (1, 1, 100)


def test_it_gives_the_median_days_to_the_first_sequel(team, story_ago, frozen):
    for waits in ([10, 40], [30], [70], [90]):
        original = story_ago(100)
        for wait in waits:
            SequelLinkFactory(original=original, sequel=story_ago(100 - wait))
    assert karma.median_days_to_sequel(team) == 50  # first sequels after 10, 30, 70, 90 days
    assert karma.median_days_to_sequel(StoryFactory().team) is None


def test_it_ranks_principles_by_the_stories_that_led_to_a_positive_sequel(team, story_ago, frozen):
    for _ in range(2):
        original = story_ago(60, tags=[("pay-it-forward", "honoured"), ("empathy", "honoured")])
        SequelLinkFactory(original=original, sequel=story_ago(5))
    original = story_ago(60, tags=[("empathy", "honoured"), ("make-it-right", "broken")])
    SequelLinkFactory(original=original, sequel=story_ago(5))
    story_ago(60, tags=[("empathy", "honoured")])  # no sequel
    other = story_ago(60, tags=[("golden-rule", "honoured")])
    SequelLinkFactory(original=other, sequel=story_ago(5), outcome=SequelOutcome.OTHER)

    rows = karma.principles_leading_to_sequels(team)

    assert [(r["slug"], r["with_sequel"], r["honoured"]) for r in rows] == [
        ("empathy", 3, 4),
        ("pay-it-forward", 2, 2),
    ]


def test_it_never_serves_principles_from_before_a_link_or_a_decision(team, story_ago, lead, frozen):
    def empathy() -> tuple[int, int]:
        row = next(r for r in karma.principles_leading_to_sequels(team) if r["slug"] == "empathy")
        return row["with_sequel"], row["honoured"]

    first = story_ago(60, tags=[("empathy", "honoured")])
    second = story_ago(50, tags=[("empathy", "honoured")])
    link = SequelLink.link(original=first, sequel=story_ago(5), outcome=SequelOutcome.REFERRAL, by=lead)
    assert empathy() == (1, 2)
    SequelLink.link(original=second, sequel=story_ago(4), outcome=SequelOutcome.CLIENT_RETURNED, by=lead)
    assert empathy() == (2, 2)
    second.hide(by=lead, reason="unfair")
    assert empathy() == (1, 1)
    link.delete()
    assert karma.principles_leading_to_sequels(team) == []


def test_it_never_serves_the_median_or_the_chain_count_from_before_a_link_or_a_decision(
    team, story_ago, lead, frozen
):
    first = story_ago(100)
    SequelLink.link(original=first, sequel=story_ago(90), outcome=SequelOutcome.REFERRAL, by=lead)
    assert (karma.median_days_to_sequel(team), karma.chain_count(team)) == (10, 1)
    second = story_ago(100)
    link = SequelLink.link(original=second, sequel=story_ago(70), outcome=SequelOutcome.THANKS, by=lead)
    assert (karma.median_days_to_sequel(team), karma.chain_count(team)) == (20, 2)
    first.hide(by=lead, reason="unfair")
    assert (karma.median_days_to_sequel(team), karma.chain_count(team)) == (30, 1)
    link.delete()
    assert (karma.median_days_to_sequel(team), karma.chain_count(team)) == (None, 0)


# --- against a plain Python computation ----------------------------------------------

story_specs = st.lists(
    st.fixed_dictionaries(
        {
            "days_ago": st.integers(min_value=0, max_value=400),
            "went_beyond": st.booleans(),
            "published": st.booleans() | st.just(True),
            "closed_days_ago": st.none() | st.integers(min_value=0, max_value=60),
        }
    ),
    min_size=1,
    max_size=8,
)
link_specs = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=7),
        st.integers(min_value=0, max_value=7),
        st.sampled_from(SequelOutcome.values),
    ),
    max_size=10,
)


def _expected_rate(stories: list[Story], links: list[SequelLink], as_of: dt.date) -> tuple[int, int]:
    end_of_day = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time.min, tzinfo=stories[0].team.zone)
    hits = resolved = 0
    for story in stories:
        if story.status != Status.PUBLISHED or not story.went_beyond or story.happened_on > as_of:
            continue
        positive = [
            link.sequel.happened_on
            for link in links
            if link.original.pk == story.pk
            and link.outcome in POSITIVE
            and link.sequel.status == Status.PUBLISHED
            and (link.sequel.happened_on - story.happened_on).days <= WINDOW_DAYS
        ]
        hit = bool(positive) and min(positive) <= as_of
        closed = story.karma_closed_at is not None and story.karma_closed_at < end_of_day
        expired = (as_of - story.happened_on).days >= WINDOW_DAYS
        hits += hit
        resolved += hit or closed or expired
    return hits, resolved


def _expected_median(stories: list[Story], links: list[SequelLink]) -> float | None:
    waits = []
    for story in stories:
        if story.status != Status.PUBLISHED:
            continue
        days = [
            (link.sequel.happened_on - story.happened_on).days
            for link in links
            if link.original.pk == story.pk and link.sequel.status == Status.PUBLISHED
        ]
        if days:
            waits.append(min(days))
    return statistics.median(waits) if waits else None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=story_specs, pairs=link_specs)
def test_it_matches_a_plain_python_computation(team: Any, member: Any, frozen: Any, specs, pairs):
    Story.objects.filter(team=team).delete()
    cache.clear()  # the team's stories were replaced behind the models' back: no figure is current
    stories = [
        StoryFactory(
            team=team,
            author=member,
            happened_on=TODAY - dt.timedelta(days=spec["days_ago"]),
            went_beyond=spec["went_beyond"],
            status=Status.PUBLISHED if spec["published"] else Status.PENDING,
            karma_closed_at=None
            if spec["closed_days_ago"] is None
            else FROZEN_NOW - dt.timedelta(days=spec["closed_days_ago"]),
        )
        for spec in specs
    ]
    links: list[SequelLink] = []
    seen: set[tuple[int, int]] = set()
    for a, b, outcome in pairs:
        if a >= len(stories) or b >= len(stories) or a == b:
            continue
        original, sequel = sorted([stories[a], stories[b]], key=lambda s: (s.happened_on, s.pk))
        if (original.pk, sequel.pk) in seen or (sequel.pk, original.pk) in seen:
            continue
        seen.add((original.pk, sequel.pk))
        links.append(SequelLink.objects.create(original=original, sequel=sequel, outcome=outcome))

    days = [TODAY - dt.timedelta(days=d) for d in (90, 30, 0)]
    rates = karma.rates_as_of(team, days)

    assert [(r.hits, r.resolved) for r in rates] == [_expected_rate(stories, links, d) for d in days]
    assert karma.median_days_to_sequel(team) == _expected_median(stories, links)
