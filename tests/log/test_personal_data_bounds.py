"""The guard's edges, one at a time: how many digits a phone number may have, where spans meet,
and an IBAN whose checksum is right but whose layout is not.

Expected spans are written out; the span helpers are checked against a brute-force answer
computed here, on every small case.
"""

from __future__ import annotations

import itertools

import pytest

from stories.log.personal_data import (
    Match,
    PersonalDataKind,
    _covered,
    _iban_length,
    _merge,
    _overlaps,
    _without_self_overlaps,
    find_personal_data,
)
from stories.log.personal_data_cards import is_card_number
from stories.log.personal_data_ibans import _stdnum_layout_allows, iban_valid

PHONE = PersonalDataKind.PHONE


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # After "+": 8 digits at the fewest, 15 at the most; the "+" is no digit.
        ("call +12 345 678", [Match(PHONE, 5, 16, "+12 345 678")]),
        ("call +12 345 67", []),
        ("+44 20 7946 0958 123", [Match(PHONE, 0, 20, "+44 20 7946 0958 123")]),
        ("+44 20 7946 0958 1234", [Match(PHONE, 0, 16, "+44 20 7946 0958")]),
        # After "00": the same, the "00" not counted.
        ("call 0012 345 678", [Match(PHONE, 5, 17, "0012 345 678")]),
        ("call 0012 345 67", []),
        ("0044 20 7946 0958 123", [Match(PHONE, 0, 21, "0044 20 7946 0958 123")]),
        ("0044 20 7946 0958 1234", [Match(PHONE, 0, 17, "0044 20 7946 0958")]),
        # With a trunk 0: 9 digits at the fewest, 12 at the most.
        ("call 020 794 609", [Match(PHONE, 5, 16, "020 794 609")]),
        ("call 020 794 60", []),
        ("020 7946 0958 1", [Match(PHONE, 0, 15, "020 7946 0958 1")]),
        ("020 7946 0958 12", [Match(PHONE, 0, 13, "020 7946 0958")]),
    ],
)
def test_it_reads_a_phone_number_within_its_digit_bounds(text, found):
    assert find_personal_data(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Cut back to a group in parentheses: the closing one is kept.
        ("+44 20 1234 (5678) 9012 3456", [Match(PHONE, 0, 18, "+44 20 1234 (5678)")]),
        # A date and a number: never read as a phone, whatever is cut off.
        ("on 01.02.2024 12 people came", []),
        # One slash is a way of writing numbers; two are a path or a range.
        ("call 030/1234567", [Match(PHONE, 5, 16, "030/1234567")]),
        ("030/1234/5678", []),
        # Nine characters are enough, with a "+" or a trunk 0.
        ("call +12345678", [Match(PHONE, 5, 14, "+12345678")]),
        ("call 020794609", [Match(PHONE, 5, 14, "020794609")]),
        # A short number first does not stop the search.
        ("room 0123, call 020 7946 0958", [Match(PHONE, 16, 29, "020 7946 0958")]),
        # A "+" says phone louder than a label naming a reference.
        ("Order ref +44 20 7946 0958", [Match(PHONE, 10, 26, "+44 20 7946 0958")]),
        # The North American shape, unless a label names a reference.
        ("call 415 555 0100", [Match(PHONE, 5, 17, "415 555 0100")]),
        ("Order 415 555 0100", []),
        # A label on an earlier line names something else.
        ("Order 12\n020 7946 0958", [Match(PHONE, 9, 22, "020 7946 0958")]),
        ("a\norder\n020 7946 0958", [Match(PHONE, 8, 21, "020 7946 0958")]),
    ],
)
def test_it_reads_the_shape_around_a_phone_number(text, found):
    assert find_personal_data(text) == found


def _brute_overlaps(spans, start, end):
    return any(span_start < end and start < span_end for span_start, span_end in spans)


def _brute_covered(spans):
    covered = set()
    for start, end in spans:
        covered |= set(range(start, end))
    return covered


SMALL_SPANS = [(start, end) for start in range(6) for end in range(start + 1, 7)]


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_it_merges_spans_and_finds_overlaps_like_counting_every_position(count):
    for spans in itertools.combinations(SMALL_SPANS, count):
        matches = [Match(PHONE, start, end, "x" * (end - start)) for start, end in spans]
        merged = _covered(matches)
        assert merged == sorted(merged)
        assert all(end < next_start for (_, end), (next_start, _) in itertools.pairwise(merged))
        assert _brute_covered(merged) == _brute_covered(spans)
        starts = [start for start, _ in merged]
        for start, end in SMALL_SPANS:
            assert _overlaps(merged, starts, start, end) == _brute_overlaps(spans, start, end), (
                spans,
                start,
                end,
            )


DISJOINT = [
    spans
    for count in range(4)
    for spans in itertools.combinations(SMALL_SPANS, count)
    if all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(spans))
]


def test_it_adds_the_matches_of_another_kind_that_overlap_none_already_kept():
    for kept_spans in DISJOINT:
        kept = [Match(PersonalDataKind.EMAIL, start, end, "k") for start, end in kept_spans]
        for candidate_spans in DISJOINT:
            candidates = _spans(*candidate_spans)
            added = [c for c in candidates if not _brute_overlaps(kept_spans, c.start, c.end)]
            expected = sorted(kept + added, key=lambda match: match.start)
            assert _merge(kept, candidates) == expected, (kept_spans, candidate_spans)


def test_it_keeps_an_iban_whose_checksum_is_right_only_if_its_layout_is_too():
    assert iban_valid("GB82WEST12345698765432")
    # The same mod-97 check passes, but a British IBAN has four letters where these digits are.
    assert not iban_valid("GB25123412345698765432")
    # A country python-stdnum does not describe is not refused for its layout.
    assert _stdnum_layout_allows("ZZ25123412345698765432")


@pytest.mark.parametrize(
    ("candidate", "length"),
    [
        ("GB82 WEST 1234 5698 7654 32", 27),
        ("GB82 WEST 1234 5698 7654 3299", 27),
        ("ZZ82 WEST 1234 5698 7654 32", 0),  # no such country
        ("GB83 WEST 1234 5698 7654 32", 0),  # the checksum fails
        ("GB82 WEST 1234 5698 7654", 0),  # too short
    ],
)
def test_it_measures_how_much_of_a_candidate_is_an_iban(candidate, length):
    assert _iban_length(candidate) == length


@pytest.mark.parametrize(
    ("digits", "card"),
    [
        ("501800000009", True),  # Maestro issues 12 digits, the fewest of any network
        ("50180000007", False),  # 11 digits, Luhn-valid: no card
        ("4000000000000000006", True),  # Visa's 19 digits, the most
    ],
)
def test_it_knows_a_card_number_by_its_network_length(digits, card):
    assert is_card_number(digits) is card


IBAN = PersonalDataKind.IBAN


def test_it_takes_an_iban_only_where_it_ends_the_code():
    assert find_personal_data("GB82WEST12345698765432XY") == []
    assert find_personal_data("GB82WEST12345698765432 XY") == [Match(IBAN, 0, 22, "GB82WEST12345698765432")]


def _spans(*spans):
    return [Match(PHONE, start, end, "x" * (end - start)) for start, end in spans]


@pytest.mark.parametrize(
    ("found", "kept"),
    [
        ([(0, 5), (5, 9)], [(0, 5), (5, 9)]),  # touching is not overlapping
        ([(0, 4), (2, 6)], [(0, 4)]),  # as long: the first stays
        ([(10, 14), (12, 18)], [(12, 18)]),  # longer: it takes the place
        ([(12, 18), (10, 14)], [(12, 18)]),  # in any order
        ([(0, 3), (0, 5), (4, 8)], [(0, 5)]),
        ([(0, 4), (2, 6), (8, 10)], [(0, 4), (8, 10)]),  # and on past a dropped one
    ],
)
def test_it_keeps_the_longer_of_two_matches_of_one_kind_that_overlap(found, kept):
    assert _without_self_overlaps(_spans(*found)) == _spans(*kept)
