"""The privacy floor's rule, as a pure function of what members can count for themselves."""

from __future__ import annotations

import pytest

from stories.retros.privacy_floor import (
    FLOOR_RULE,
    PRIVACY_FLOOR,
    Audience,
    CellFacts,
    contributors,
    is_folded,
    shown,
)


def test_it_sets_the_floor_at_three_contributors():
    assert PRIVACY_FLOOR == 3


@pytest.mark.parametrize(
    ("stories", "named", "anonymous", "expected"),
    [
        (0, 0, 0, 0),  # nothing to hide: a zero is a zero
        (1, 1, 0, 1),  # one signed story: members read it with its name on it
        (7, 1, 0, 7),  # one person's many signed stories
        (2, 2, 0, 2),
        (1, 0, 1, None),  # a lone anonymous story
        (2, 1, 1, None),  # one signer and one anonymous story: two contributors
        (5, 1, 1, None),  # many stories, still two contributors
        (3, 2, 1, 3),  # two signers and one anonymous story: three contributors
        (3, 0, 3, 3),  # three anonymous stories count as three, whoever wrote them
        (2, 0, 2, None),
        (4, 1, 2, 4),
    ],
)
def test_it_folds_for_the_team_only_cells_with_an_anonymous_story_under_three(
    stories, named, anonymous, expected
):
    facts = CellFacts(stories, named, anonymous)
    assert shown(facts) == expected
    assert shown(facts, Audience.TEAM) == expected
    assert is_folded(facts) is (expected is None)


@pytest.mark.parametrize(
    ("stories", "named", "anonymous", "expected"),
    [
        (0, 0, 0, 0),
        (1, 1, 0, None),  # outsiders do not read the names: small signed counts fold too
        (7, 2, 0, None),
        (3, 3, 0, 3),
        (2, 1, 1, None),
        (3, 2, 1, 3),
        (3, 0, 3, 3),
    ],
)
def test_it_folds_for_outsiders_every_cell_under_three_contributors(stories, named, anonymous, expected):
    assert shown(CellFacts(stories, named, anonymous), Audience.OUTSIDERS) == expected


def test_it_counts_each_anonymous_story_as_a_contributor_of_its_own():
    assert contributors(CellFacts(stories=6, named_authors=2, anonymous_stories=3)) == 5


def test_it_reads_the_facts_from_an_aggregate_row_and_treats_a_missing_row_as_empty():
    assert CellFacts.from_row({"count": 4, "named_authors": 2, "anonymous": 1}) == CellFacts(4, 2, 1)
    assert CellFacts.from_row({}) == CellFacts(0, 0, 0)


def test_it_has_no_input_for_who_wrote_an_anonymous_story():
    assert set(CellFacts.__dataclass_fields__) == {"stories", "named_authors", "anonymous_stories"}


def test_it_states_the_rule_with_the_floor_in_it():
    rule = str(FLOOR_RULE) % {"floor": 3}
    assert "never from who wrote an anonymous story" in rule
    assert "fewer than 3 contributors" in rule and "“fewer than 3 people”" in rule
