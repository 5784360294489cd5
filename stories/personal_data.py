"""Find customer personal data in free text: e-mail addresses, phone numbers, card numbers, IBANs.

The guard runs on every story submit and edit, so it must be fast on any input and rarely
cry wolf. Each kind is found by a regular expression that cannot backtrack catastrophically
(bounded or possessive quantifiers, and candidates may only start where a token starts),
then confirmed in Python: card numbers by the Luhn checksum, IBANs by the country's length
and the mod-97 checksum, phone numbers by their digit count and by not looking like a date.

What it deliberately does not flag: order and reference numbers glued to a prefix
(#123456, ORD-2024-001), dates, prices, times, postcodes, years, version strings, and
numbers too short to be a phone. A bare run of ten digits that starts with 0 is read as a
phone number (07700900123): staff write mobiles like that more often than anything else.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from enum import StrEnum


class PersonalDataKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    CARD = "card"
    IBAN = "iban"


@dataclass(frozen=True)
class Match:
    kind: PersonalDataKind
    start: int
    end: int
    text: str


# --- e-mail ----------------------------------------------------------------------------
# The local part may only start where a token starts, so a megabyte of letters is scanned
# once, not once per position; every part is bounded.
_EMAIL = re.compile(
    r"""
    (?<![\w.%+\-])
    [\w.%+\-]{1,64}
    @
    (?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.){1,8}
    [^\W\d_]{2,24}
    (?![\w\-])
    """,
    re.VERBOSE,
)

# --- numbers ---------------------------------------------------------------------------
# A number may not start glued to a word, a reference marker (#, ORD-), a path, a plus,
# an @, or the decimal part of a number (v2.10, 3.14).
_NUMBER_START = r"(?<![\w#@/+\-])(?<![0-9]\.)"
_NUMBER_END = r"(?!\w)"

# International: "+" or "00", then digit groups separated by a space, dash, dot or slash,
# optionally with a parenthesised trunk or area code: +44 (0)20 7946 0958, +1 (415) 555-0100.
# Groups are possessive, so there is only one way to read a run.
_INTL_SEP = r"(?:\ ?\([0-9]{1,4}\)\ ?|\ ?[.\-/]\ ?|\ )"
_INTERNATIONAL = re.compile(
    _NUMBER_START
    + r"(?:\+\ ?[1-9][0-9]*+(?:"
    + _INTL_SEP
    + r"[0-9]++){0,7}+"
    # 0044 is only read as a phone when it is written in groups; a bare 00123456789
    # is far more often an invoice number.
    + r"|00[1-9][0-9]*+(?:"
    + _INTL_SEP
    + r"[0-9]++){1,7}+)"
    + _NUMBER_END
)

# National, with a trunk 0: 020 7946 0958, (020) 7946 0958, 07700 900123, 06-12345678, 030/1234567.
_LOCAL_SEP = r"(?:\ ?[.\-/]\ ?|\ )"
_LOCAL = re.compile(
    _NUMBER_START
    + r"(?:\(0[1-9][0-9]*+\)\ ?|0[1-9][0-9]*+)(?:"
    + _LOCAL_SEP
    + r"[0-9]++){0,5}+"
    + _NUMBER_END
)

# North American, written in its 3-3-4 shape: (415) 555-0100, 415-555-0100, 1-800-555-0100.
# Ten bare digits are not enough: order numbers look just like that.
_NANP = re.compile(
    _NUMBER_START
    + r"(?:1[ .\-]?)?(?:\([2-9][0-9]{2}\)\ ?|[2-9][0-9]{2}[ .\-])[2-9][0-9]{2}[ .\-][0-9]{4}"
    + r"(?![0-9]|[.\-/][0-9])"
    + _NUMBER_END
)

# Payment cards: the major networks start with 2-6. Bare (13-19 digits), in fours with one
# kind of separator, or in the 4-6-5 / 4-6-4 shapes of Amex and Diners.
_CARD = re.compile(
    _NUMBER_START
    + r"""(?:
        [2-6][0-9]{12,18}+
      | [2-6][0-9]{3}(?P<sep>[ \-])[0-9]{4}(?P=sep)[0-9]{4}(?P=sep)[0-9]{1,4}(?:(?P=sep)[0-9]{1,3})?
      | 3[0-9]{3}(?P<sep2>[ \-])[0-9]{6}(?P=sep2)[0-9]{4,5}
    )(?![0-9])"""
    + _NUMBER_END,
    re.VERBOSE,
)

# IBAN: two letters, two check digits, then up to 30 letters or digits in any grouping.
# Matched as a zero-width lookahead so a rejected candidate does not swallow a real IBAN
# starting inside it.
_IBAN = re.compile(r"(?<![A-Za-z0-9])(?=([A-Z]{2}[0-9]{2}(?:\ ?[A-Z0-9]){11,30}+))")

_DATE_LIKE = re.compile(
    r"(?<![0-9])(?:[0-9]{1,2}([./\-])[0-9]{1,2}\1[0-9]{2,4}|[0-9]{4}([./\-])[0-9]{1,2}\2[0-9]{1,2})(?![0-9])"
)
_DIGIT_GROUP = re.compile(r"[0-9]+")

# Lengths from the SWIFT IBAN registry; an unknown country is not an IBAN.
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

# IBAN letters count as 10..35 in the checksum.
_LETTERS_AS_NUMBERS = str.maketrans({chr(code): str(code - 55) for code in range(65, 91)})

PLACEHOLDERS = {kind: f"[{kind.value}]" for kind in PersonalDataKind}


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def iban_valid(compact: str) -> bool:
    """The ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97."""
    if IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int(rearranged.translate(_LETTERS_AS_NUMBERS)) % 97 == 1


def _digits(text: str) -> str:
    return "".join(_DIGIT_GROUP.findall(text))


def _phone_digits_ok(text: str) -> bool:
    if text.count("/") > 1 or _DATE_LIKE.search(text):
        return False
    digits = _digits(text)
    stripped = text.lstrip("( ")
    if stripped.startswith("+"):
        return 8 <= len(digits) <= 15
    if stripped.startswith("00"):
        return 8 <= len(digits) - 2 <= 15
    return 9 <= len(digits) <= 12


# Eight digits after a "+", nine with a trunk 0: no shorter text can be a phone number.
_SHORTEST_PHONE = 9


def _shorten_phone(text: str) -> str | None:
    """The longest leading part of a run that reads as a phone number.

    A run like "07700 900123 2024" has swallowed a neighbouring number; dropping trailing
    groups one at a time finds the phone number inside it.
    """
    while text:
        if _phone_digits_ok(text):
            return text
        groups = list(_DIGIT_GROUP.finditer(text))
        if len(groups) < 2:
            return None
        end = groups[-2].end()
        if text[end : end + 1] == ")":
            end += 1
        text = text[:end]
    return None


def _find_phones(text: str) -> list[Match]:
    found: list[Match] = []
    for pattern in (_INTERNATIONAL, _LOCAL):
        for match in pattern.finditer(text):
            if match.end() - match.start() < _SHORTEST_PHONE:
                continue
            kept = _shorten_phone(match.group())
            if kept:
                found.append(Match(PersonalDataKind.PHONE, match.start(), match.start() + len(kept), kept))
    for match in _NANP.finditer(text):
        if not _DATE_LIKE.search(match.group()):
            found.append(Match(PersonalDataKind.PHONE, match.start(), match.end(), match.group()))
    return found


def _find_cards(text: str) -> list[Match]:
    found: list[Match] = []
    for match in _CARD.finditer(text):
        candidate = match.group()
        # A card number followed by its expiry month (4111 1111 1111 1111 12/26) reads as
        # a fifth group: try again without it.
        for option in (candidate, candidate.rsplit(match.group("sep") or "\0", 1)[0]):
            digits = _digits(option)
            if 13 <= len(digits) <= 19 and luhn_valid(digits):
                found.append(Match(PersonalDataKind.CARD, match.start(), match.start() + len(option), option))
                break
    return found


def _find_ibans(text: str) -> list[Match]:
    found: list[Match] = []
    for match in _IBAN.finditer(text):
        candidate = match.group(1)
        length = IBAN_LENGTHS.get(candidate[:2])
        if length is None:
            continue
        compact = candidate.replace(" ", "")
        if len(compact) < length or not iban_valid(compact[:length]):
            continue
        # The IBAN ends where its `length`-th non-space character is.
        end = _nth_non_space_end(candidate, length)
        absolute_end = match.start() + end
        if absolute_end < len(text) and text[absolute_end].isalnum():
            continue
        found.append(Match(PersonalDataKind.IBAN, match.start(), absolute_end, candidate[:end]))
    return found


def _nth_non_space_end(text: str, count: int) -> int:
    seen = 0
    for index, char in enumerate(text):
        if char != " ":
            seen += 1
            if seen == count:
                return index + 1
    return len(text)


def _find_emails(text: str) -> list[Match]:
    return [Match(PersonalDataKind.EMAIL, m.start(), m.end(), m.group()) for m in _EMAIL.finditer(text)]


def _without_self_overlaps(matches: list[Match]) -> list[Match]:
    """One detector's matches, sorted, keeping the longer of two that overlap."""
    matches.sort(key=lambda m: (m.start, m.start - m.end))
    kept: list[Match] = []
    for match in matches:
        if kept and match.start < kept[-1].end:
            if match.end - match.start > kept[-1].end - kept[-1].start:
                kept[-1] = match
            continue
        kept.append(match)
    return kept


def _merge(kept: list[Match], candidates: list[Match]) -> list[Match]:
    """Add the candidates that overlap nothing already kept; both lists are sorted by start."""
    survivors: list[Match] = []
    index = 0
    for candidate in candidates:
        while index < len(kept) and kept[index].end <= candidate.start:
            index += 1
        if index < len(kept) and kept[index].start < candidate.end:
            continue
        survivors.append(candidate)
    return list(heapq.merge(kept, survivors, key=lambda m: m.start))


def find_personal_data(text: str) -> list[Match]:
    """Every piece of personal data in the text, non-overlapping, sorted by position.

    Where detectors disagree, the more specific kind wins: e-mail, then IBAN, card, phone.
    """
    if not text:
        return []
    kept: list[Match] = []
    for finder in (_find_emails, _find_ibans, _find_cards, _find_phones):
        kept = _merge(kept, _without_self_overlaps(finder(text)))
    return kept


def _replace(text: str, matches: list[Match]) -> str:
    pieces: list[str] = []
    position = 0
    for match in matches:
        pieces.append(text[position : match.start])
        pieces.append(PLACEHOLDERS[match.kind])
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)


def redact(text: str) -> str:
    """The text with each piece of personal data replaced by "[email]", "[phone]", "[card]" or "[iban]".

    Replacing one match can expose another (a number that was glued to it), so this repeats
    until nothing is left; each round removes digits or an @, so it ends.
    """
    matches = find_personal_data(text)
    while matches:
        text = _replace(text, matches)
        matches = find_personal_data(text)
    return text


def kinds_found(text: str) -> set[PersonalDataKind]:
    return {match.kind for match in find_personal_data(text)}
