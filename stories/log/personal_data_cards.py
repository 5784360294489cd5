"""Is this run of digits a payment card number? The Luhn check, then the card networks' own ranges.

Luhn alone lets through anything with a check digit: IMEIs (15 digits from 35, 01, 86...),
loyalty and gift-card numbers. A card number also starts with a network's issuer prefix and
has one of that network's lengths; these ranges are the networks' published ones.
"""

from __future__ import annotations

# (lowest prefix, highest prefix, lengths): a number whose leading digits fall in the range.
_NETWORKS: tuple[tuple[int, int, frozenset[int]], ...] = (
    (4, 4, frozenset({13, 16, 19})),  # Visa
    (51, 55, frozenset({16})),  # Mastercard
    (2221, 2720, frozenset({16})),  # Mastercard, 2-series
    (2200, 2204, frozenset({16, 17, 18, 19})),  # Mir
    (34, 34, frozenset({15})),  # American Express
    (37, 37, frozenset({15})),  # American Express
    (300, 305, frozenset({14, 16, 17, 18, 19})),  # Diners Club
    (3095, 3095, frozenset({14, 16, 17, 18, 19})),  # Diners Club
    (36, 36, frozenset({14, 16, 17, 18, 19})),  # Diners Club
    (38, 39, frozenset({16, 17, 18, 19})),  # Diners Club
    (3528, 3589, frozenset({16, 17, 18, 19})),  # JCB
    (6011, 6011, frozenset({16, 17, 18, 19})),  # Discover
    (644, 649, frozenset({16, 17, 18, 19})),  # Discover
    (65, 65, frozenset({16, 17, 18, 19})),  # Discover, RuPay
    (62, 62, frozenset({16, 17, 18, 19})),  # UnionPay
    (60, 60, frozenset({16})),  # RuPay
    (5018, 5018, frozenset(range(12, 20))),  # Maestro
    (5020, 5020, frozenset(range(12, 20))),  # Maestro
    (5038, 5038, frozenset(range(12, 20))),  # Maestro
    (5893, 5893, frozenset(range(12, 20))),  # Maestro
    (6304, 6304, frozenset(range(12, 20))),  # Maestro
    (6759, 6759, frozenset(range(12, 20))),  # Maestro
    (6761, 6763, frozenset(range(12, 20))),  # Maestro
    (9792, 9792, frozenset({16})),  # Troy
)

# A doubled Luhn digit, its digits summed: 5 -> 10 -> 1.
_LUHN_DOUBLED = str.maketrans("0123456789", "0246813579")


def luhn_valid(digits: str) -> bool:
    # Summing the bytes keeps the loop in C: the detector checks a candidate at every
    # group of a long run of digits.
    kept = digits[-1::-2].encode()
    doubled = digits[-2::-2].translate(_LUHN_DOUBLED).encode()
    return (sum(kept) + sum(doubled) - 48 * len(digits)) % 10 == 0


def card_network_allows(digits: str) -> bool:
    """Some network issues numbers that start like this and are this long."""
    for low, high, lengths in _NETWORKS:
        prefix = int(digits[: len(str(low))])
        if low <= prefix <= high and len(digits) in lengths:
            return True
    return False


def is_card_number(digits: str) -> bool:
    # 19 is the networks' longest length too, so 20 reads the same: the line is not mutated
    # (the 12, Maestro's shortest, is pinned by a test).
    return 12 <= len(digits) <= 19 and card_network_allows(digits) and luhn_valid(digits)  # pragma: no mutate
