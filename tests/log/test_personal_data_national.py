"""Numbers written the national way, without a trunk 0: found only where the team's country's
numbering plan says they are valid, at their exact span, and redacted in every round.

The numbers are libphonenumber's own examples for each country, written out here: Iceland's
numbers have 7 digits (the fewest read as national), Indonesia's mobiles up to 12 (the most).
"""

from __future__ import annotations

import pytest

from stories.log.personal_data import Match, PersonalDataKind, _replace, find_personal_data, redact
from stories.log.personal_data_phones import valid_in_country

PHONE = PersonalDataKind.PHONE


@pytest.mark.parametrize(
    ("text", "country", "found"),
    [
        ("call 410 1234", "IS", [Match(PHONE, 5, 13, "410 1234")]),
        ("call 8123 4567 8123", "ID", [Match(PHONE, 5, 19, "8123 4567 8123")]),
        ("call 612 345 678", "ES", [Match(PHONE, 5, 16, "612 345 678")]),
        # Seven digits, but no Spanish number has seven: a count, not a phone.
        ("we counted 1234567 sheep", "ES", []),
        ("call 612 345 678", "", []),
        # Cut back group by group to the longest valid part.
        ("call 612 345 678 90", "ES", [Match(PHONE, 5, 16, "612 345 678")]),
        # The same number twice: both found (each run is judged once, and remembered).
        (
            "call 612 345 678 or 612 345 678",
            "ES",
            [Match(PHONE, 5, 16, "612 345 678"), Match(PHONE, 20, 31, "612 345 678")],
        ),
        # An IP address is never a phone number, even where its digits would be a German one;
        # and the numbers after it are still read.
        ("server 212.58.244.20 is down", "DE", []),
        ("server 212.58.244.20, then call 612 345 678", "ES", [Match(PHONE, 32, 43, "612 345 678")]),
    ],
)
def test_it_finds_a_national_number_only_where_the_country_makes_it_one(text, country, found):
    assert find_personal_data(text, country) == found


def test_it_refuses_a_number_in_a_country_the_numbering_plan_does_not_know():
    assert valid_in_country("612 345 678", "ZZ") is False
    assert valid_in_country("612 345 678", "ES") is True


def test_it_redacts_a_national_number_by_the_team_country():
    assert redact("call 612 345 678", "ES") == "call [phone]"
    assert redact("call 612 345 678") == "call 612 345 678"


def test_it_redacts_a_national_number_exposed_by_the_first_round():
    # "0958.612" reads as a decimal, so the second number only starts once the first is gone.
    text = "020 7946 0958.612 345 678"
    assert find_personal_data(text, "ES") == [Match(PHONE, 0, 13, "020 7946 0958")]
    assert redact(text, "ES") == "[phone].[phone]"


def test_it_replaces_every_match_of_one_round_and_keeps_the_text_between():
    text = "jo@example.com or 020 7946 0958, thanks"
    assert _replace(text, find_personal_data(text)) == "[email] or [phone], thanks"
