"""The retro's figures agree with a plain Python count over the same stories."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.models import Channel, Kind, Perspective, Principle, Status, Story, StoryPrinciple
from stories.retros.figures import month_figures
from tests.factories import TeamFactory, UserFactory

# The product's floor (README: "fewer than 3 contributors are folded"), fixed here: read from
# the code under test, the expected figures would agree with any threshold it had.
FLOOR = 3
MONTH = dt.date(2024, 5, 1)
PRINCIPLES = ["empathy", "golden-rule", "make-it-right", "honesty"]
_team_numbers = itertools.count()

story_strategy = st.fixed_dictionaries(
    {
        "author": st.integers(0, 4),
        "kind": st.sampled_from(Kind.values),
        "perspective": st.sampled_from(Perspective.values),
        "channel": st.sampled_from(Channel.values),
        "status": st.sampled_from(
            [Status.PUBLISHED, Status.PUBLISHED, Status.PUBLISHED, Status.HIDDEN, Status.PENDING]
        ),
        # Days around the month, so stories just before and after it are generated too.
        "day": st.integers(-35, 34),
        "went_beyond": st.booleans(),
        "anonymous": st.booleans(),
        "tags": st.dictionaries(
            st.sampled_from(PRINCIPLES), st.sampled_from(["honoured", "broken"]), max_size=3
        ),
    }
)


def _folded_for_members(group: list[dict]) -> bool:
    """Folded: it has an anonymous story, and its signers plus its anonymous stories are under three."""
    anonymous = sum(1 for s in group if s["anonymous"])
    signers = {s["author"] for s in group if not s["anonymous"]}
    return anonymous > 0 and len(signers) + anonymous < FLOOR


def _expected(stories: list[dict], month: dt.date) -> dict:
    """The figures, counted one story at a time."""
    end = dt.date(2024, 6, 1)
    previous = dt.date(2024, 4, 1)
    published = [s for s in stories if s["status"] == Status.PUBLISHED]
    this = [s for s in published if month <= s["date"] < end]
    before = [s for s in published if previous <= s["date"] < month]

    def count(group: list[dict], **match: object) -> int:
        return sum(all(s[key] == value for key, value in match.items()) for s in group)

    headline = {
        "total": (len(this), len(before)),
        "good": (count(this, kind="good"), count(before, kind="good")),
        "bad": (count(this, kind="bad"), count(before, kind="bad")),
        "gave": (count(this, perspective="gave"), count(before, perspective="gave")),
        "received": (count(this, perspective="received"), count(before, perspective="received")),
        "went_beyond": (count(this, went_beyond=True), count(before, went_beyond=True)),
    }
    cells: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for story in this:
        for slug, verdict in story["tags"].items():
            cells[(slug, verdict)].append(story)
    heat: dict[tuple[str, str], int | None] = {}
    other = Counter()
    for key, group in cells.items():
        if _folded_for_members(group):
            heat[key] = None
            other[key[1]] += len(group)
        else:
            heat[key] = len(group)
    per_channel: dict[str, list[dict]] = defaultdict(list)
    for story in this:
        per_channel[story["channel"]].append(story)
    channel_counts: dict[str, int | None] = {}
    channel_other = 0
    for channel in Channel.values:
        group = per_channel.get(channel, [])
        if _folded_for_members(group):
            channel_counts[channel] = None
            channel_other += len(group)
        else:
            channel_counts[channel] = len(group)
    return {
        "headline": headline,
        # Anonymous authors are never counted where members look.
        "named_contributors": len({s["author"] for s in this if not s["anonymous"]}),
        "heat": heat,
        "heat_other": other,
        "channels": channel_counts,
        "channel_other": channel_other,
    }


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stories=st.lists(story_strategy, max_size=25))
def test_it_agrees_with_a_plain_count(stories: list[dict]) -> None:
    # Each example gets a team of its own: the database is shared across examples.
    team = TeamFactory(slug=f"hypothesis-{next(_team_numbers)}")
    people = [UserFactory() for _ in range(5)]
    principles = {p.slug: p for p in Principle.objects.filter(slug__in=PRINCIPLES)}
    for story in stories:
        story["date"] = MONTH + dt.timedelta(days=story["day"])
    created = Story.objects.bulk_create(
        [
            Story(
                team=team,
                author=people[s["author"]],
                kind=s["kind"],
                perspective=s["perspective"],
                channel=s["channel"],
                status=s["status"],
                happened_on=s["date"],
                went_beyond=s["went_beyond"],
                anonymous=s["anonymous"],
                title="generated",
                what_happened="generated",
            )
            for s in stories
        ]
    )
    StoryPrinciple.objects.bulk_create(
        [
            StoryPrinciple(story=story, principle=principles[slug], verdict=verdict)
            for story, spec in zip(created, stories, strict=True)
            for slug, verdict in spec["tags"].items()
        ]
    )

    figures = month_figures(team, MONTH)
    expected = _expected(stories, MONTH)

    for key, (now, before) in expected["headline"].items():
        assert figures["headline"][key] == {"now": now, "prev": before, "delta": now - before}, key
    assert figures["headline"]["named_contributors"] == expected["named_contributors"]
    rows = {row["principle"]: row for row in figures["heatmap"]["rows"]}
    for slug in PRINCIPLES:
        for verdict in ("honoured", "broken"):
            assert rows[slug][verdict] == expected["heat"].get((slug, verdict), 0), (slug, verdict)
    assert figures["heatmap"]["other"] == {
        "honoured": expected["heat_other"]["honoured"],
        "broken": expected["heat_other"]["broken"],
    }
    assert {row["channel"]: row["count"] for row in figures["channels"]["rows"]} == expected["channels"]
    assert figures["channels"]["other"] == expected["channel_other"]
