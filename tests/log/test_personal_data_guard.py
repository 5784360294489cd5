"""The guard's newer knowledge: numbering plans by country, extensions, card networks, decoys."""

from __future__ import annotations

import pytest

from stories.log.personal_data import PersonalDataKind, find_personal_data, kinds_found, redact
from stories.log.personal_data_cards import card_network_allows, is_card_number

PHONE, CARD, EMAIL = PersonalDataKind.PHONE, PersonalDataKind.CARD, PersonalDataKind.EMAIL


@pytest.mark.parametrize(
    ("text", "country", "found"),
    [
        ("ring 612 345 678 now", "ES", "612 345 678"),
        ("ring 9123 4567 now", "SG", "9123 4567"),
        ("ring 98765 43210 now", "IN", "98765 43210"),
        ("ring 333 123 4567 now", "IT", "333 123 4567"),
        ("ring 4155550100 now", "US", "4155550100"),
    ],
)
def test_it_reads_national_numbers_without_a_trunk_zero_by_the_teams_country(text, country, found):
    [match] = find_personal_data(text, country)
    assert (match.kind, match.text) == (PHONE, found)
    # Without the country, such a run is more often an order number.
    assert find_personal_data(text) == []


@pytest.mark.parametrize(
    "found",
    ["+44-20-7946-0958", "+49-(0)30-12345678", "+33-(0)6-12-34-56-78", "06.12.34.56.78", "+81-90-1234-5678"],
)
def test_it_reads_dashed_international_forms_and_dotted_pairs(found):
    [match] = find_personal_data(f"call {found} today")
    assert (match.kind, match.text) == (PHONE, found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Office 020 7946 0958 ext. 204 for accounts", "020 7946 0958 ext. 204"),
        ("Reception: +44 20 7946 0958 x31", "+44 20 7946 0958 x31"),
        ("ring (415) 555-0100, extension 7 please", "(415) 555-0100, extension 7"),
    ],
)
def test_it_takes_the_extension_into_the_match_and_the_token(text, found):
    [match] = find_personal_data(text)
    assert (match.kind, match.text) == (PHONE, found)
    assert redact(text) == text.replace(found, "[phone]")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Order 612345678 arrived late.", "ES"),
        ("receipt no. 0045 2231 9981 reprinted", "GB"),
        ("Tracking number 91234567 never updated", "SG"),
        ("Booking ref 020 7946 0958 for two nights", "GB"),
        ("The kiosk at 112.142.70.210 kept rebooting.", "DE"),
        ("Item code 0012 0034 0056", ""),
    ],
)
def test_it_reads_numbers_labelled_as_references_or_addresses_as_neither(text, country):
    assert kinds_found(text, country) == set()


def test_it_still_reads_a_phone_when_a_phone_word_comes_after_the_reference_word():
    assert kinds_found("Order late, so I rang 612 345 678 twice.", "ES") == {PHONE}


@pytest.mark.parametrize(
    "digits",
    [
        "2221000000000009",
        "2720990000000007",
        "5555555555554444",
        "378282246310005",
        "30569309025904",
        "6200000000000005",
    ],
)
def test_it_knows_every_network_including_2_series_mastercard(digits):
    assert is_card_number(digits)
    assert kinds_found(f"card {digits} declined") == {CARD}


@pytest.mark.parametrize(
    "text",
    [
        "IMEI 352099001761481 logged with the repair",  # Luhn-valid, 15 digits from 35: no network
        "Loyalty card 634004123456789012 earned points",
        "The banner logo@2x.png looked blurry; icon@1.5x.webp too.",
    ],
)
def test_it_does_not_flag_imeis_loyalty_numbers_or_retina_file_names(text):
    assert kinds_found(text) == set()


def test_it_checks_issuer_ranges_and_lengths():
    assert card_network_allows("4111111111111111")
    assert not card_network_allows("411111111111111")  # Visa has no 15-digit numbers
    assert not card_network_allows("3511111111111111")  # 35 is JCB only from 3528
    assert not is_card_number("4111111111111112")  # fails Luhn


@pytest.mark.parametrize(
    "text",
    [
        "mail jo dot bloggs at example dot com",
        "mail jo(at)example(dot)com",
        "mail jo [at] example [dot] co [dot] uk",
    ],
)
def test_it_reads_addresses_spelled_out(text):
    [match] = find_personal_data(text)
    assert match.kind == EMAIL and text[match.start :] == match.text
