"""Find customer personal data in free text: e-mail addresses, phone numbers, card numbers, IBANs.

The guard runs on every story submit and edit, so it must be fast on any input and rarely
cry wolf. Each kind is found by a regular expression that cannot backtrack catastrophically
(bounded or possessive quantifiers, and candidates may only start where a token starts),
then confirmed in Python: card numbers by the Luhn checksum, IBANs by the country's length
and the mod-97 checksum, phone numbers by their digit count and by not looking like a date.

Numbers are written every which way: digit groups may be separated by up to three
characters among white space (including the no-break U+00A0, thin U+2009 and narrow
no-break U+202F spaces that word processors and phones insert), dots, dashes and slashes,
mixed at will ("4111 1111-1111 1111", "4242 - 4242 - 4242 - 4242"). Card numbers may even
wrap across a line (the Luhn check keeps that safe); phone numbers and IBANs may not, since
numbers on separate lines are usually a list. IBANs are found in any case and spacing
("gb82west12345698765432").

What it deliberately does not flag: order and reference numbers glued to a prefix
(#123456, ORD-2024-001), dates, prices, times, postcodes, years, version strings, IP
addresses, and numbers too short to be a phone. A bare run of ten digits that starts with
0 is read as a phone number (07700900123): staff write mobiles like that more often than
anything else.
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

# White space within a line: space, tab, no-break (U+00A0), the typographic spaces
# (U+2000-U+200A, thin U+2009 among them), narrow no-break (U+202F) and their kin.
_INLINE_SPACES = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_INLINE_SPACE = f"[{_INLINE_SPACES}]"
# Any white space, line breaks included: what `\s` matches.
_ALL_SPACES = "".join(char for char in map(chr, range(0x3001)) if char.isspace())

# Between the digit groups of a phone number: up to three spaces, dots, dashes or slashes
# ("020 7946 0958", "0161 - 496 - 0789", "030/1234567"). Possessive, and never a digit, so a
# run of groups is read in exactly one way.
_PHONE_SEP = f"[{_INLINE_SPACES}.\\-/]{{1,3}}+"

# International: "+" or "00", then digit groups, optionally with a parenthesised trunk or
# area code: +44 (0)20 7946 0958, +1 (415) 555-0100.
_INTL_SEP = f"(?:{_INLINE_SPACE}{{0,2}}+\\([0-9]{{1,4}}\\){_INLINE_SPACE}{{0,2}}+|{_PHONE_SEP})"
_INTERNATIONAL = re.compile(
    _NUMBER_START
    + rf"(?:\+{_INLINE_SPACE}?[1-9][0-9]*+(?:{_INTL_SEP}[0-9]++){{0,7}}+"
    # 0044 is only read as a phone when it is written in groups; a bare 00123456789
    # is far more often an invoice number.
    + rf"|00[1-9][0-9]*+(?:{_INTL_SEP}[0-9]++){{1,7}}+)"
    + _NUMBER_END
)

# National, with a trunk 0: 020 7946 0958, (020) 7946 0958, 07700 900123, 06-12345678, 030/1234567.
_LOCAL = re.compile(
    _NUMBER_START
    + rf"(?:\(0[1-9][0-9]*+\){_INLINE_SPACE}{{0,2}}+[0-9]++|0[1-9][0-9]*+)(?:{_PHONE_SEP}[0-9]++){{0,5}}+"
    + _NUMBER_END
)

# North American, written in its 3-3-4 shape: (415) 555-0100, 415-555-0100, 1-800-555-0100.
# Ten bare digits are not enough: order numbers look just like that. No slashes: 3-3-4
# with slashes is more often a range of figures than a phone number.
_NANP_SEP = f"[{_INLINE_SPACES}.\\-]{{1,3}}+"
_NANP = re.compile(
    _NUMBER_START
    + rf"(?:1{_NANP_SEP}|1)?(?:\([2-9][0-9]{{2}}\){_INLINE_SPACE}{{0,2}}+|[2-9][0-9]{{2}}{_NANP_SEP})"
    + rf"[2-9][0-9]{{2}}{_NANP_SEP}[0-9]{{4}}"
    + r"(?![0-9]|[.\-/][0-9])"
    + _NUMBER_END
)

# Payment cards: the major networks start with 2-6. Bare (13-19 digits), in fours, or in
# the 4-6-5 / 4-6-4 shapes of Amex and Diners. Between groups, up to three separators of
# any kind, line breaks included: the Luhn check, not the layout, decides.
_CARD_SEPARATORS = _ALL_SPACES + "./-"
_CARD_SEP = r"[\s./\-]{1,3}+"
# A zero-width search tried at every token start, so a candidate that fails the checksum
# ("2024 4111 1111 1111 1111") does not hide a card that starts inside it.
_CARD = re.compile(
    _NUMBER_START
    + r"(?=("
    + r"[2-6][0-9]{12,18}+"
    + rf"|[2-6][0-9]{{3}}(?:{_CARD_SEP}[0-9]{{4}}){{2}}{_CARD_SEP}[0-9]{{1,4}}(?:{_CARD_SEP}[0-9]{{1,3}})?"
    + rf"|3[0-9]{{3}}{_CARD_SEP}[0-9]{{6}}{_CARD_SEP}[0-9]{{4,5}}"
    + r")(?![0-9])"
    + _NUMBER_END
    + r")"
)
# Four years in a row ("2023 / 2024 / 2025 / 2026") can pass the Luhn check; no card is
# written like that.
_YEAR_CENTURIES = ("19", "20")

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

# IBAN: two letters, two check digits, then up to 30 letters or digits in any grouping
# (spaces within the line, dashes), in either case: gb82west12345698765432. Matched as a
# zero-width lookahead so a rejected candidate does not swallow a real IBAN starting inside it.
_IBAN_SEPARATORS = _INLINE_SPACES + "-"
_IBAN = re.compile(
    rf"(?<![A-Za-z0-9])(?=([A-Za-z]{{2}}[0-9]{{2}}(?:[{_IBAN_SEPARATORS}]{{0,3}}+[A-Za-z0-9]){{11,30}}+))"
)
_DROP_IBAN_SEPARATORS = str.maketrans("", "", _IBAN_SEPARATORS)
_IBAN_CHARACTER = re.compile(r"[A-Za-z0-9]")

_DATE_LIKE = re.compile(
    r"(?<![0-9])(?:[0-9]{1,2}([./\-])[0-9]{1,2}\1[0-9]{2,4}|[0-9]{4}([./\-])[0-9]{1,2}\2[0-9]{1,2})(?![0-9])"
)
_DIGIT_GROUP = re.compile(r"[0-9]+")

# IBAN letters count as 10..35 in the checksum.
_LETTERS_AS_NUMBERS = str.maketrans({chr(code): str(code - 55) for code in range(65, 91)})
# A doubled Luhn digit, its digits summed: 5 -> 10 -> 1.
_LUHN_DOUBLED = str.maketrans("0123456789", "0246813579")

PLACEHOLDERS = {kind: f"[{kind.value}]" for kind in PersonalDataKind}


def luhn_valid(digits: str) -> bool:
    # Summing the bytes keeps the loop in C: the detector checks a candidate at every
    # group of a long run of digits.
    kept = digits[-1::-2].encode()
    doubled = digits[-2::-2].translate(_LUHN_DOUBLED).encode()
    return (sum(kept) + sum(doubled) - 48 * len(digits)) % 10 == 0


def iban_valid(compact: str) -> bool:
    """The ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97."""
    if IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int(rearranged.translate(_LETTERS_AS_NUMBERS)) % 97 == 1


def _phone_digit_bounds(text: str) -> tuple[int, int, int]:
    """The fewest and most digits a phone number written like this has, and its prefix's length."""
    stripped = text.lstrip("( ")
    if stripped.startswith("+"):
        return 8, 15, 0
    if stripped.startswith("00"):
        return 8, 15, 2
    return 9, 12, 0


# Eight digits after a "+", nine with a trunk 0: no shorter text can be a phone number.
_SHORTEST_PHONE = 9


def _shorten_phone(text: str) -> str | None:
    """The longest leading part of a run that reads as a phone number.

    A run like "07700 900123 2024" has swallowed a neighbouring number; dropping trailing
    groups one at a time finds the phone number inside it.
    """
    fewest, most, prefix = _phone_digit_bounds(text)
    groups = list(_DIGIT_GROUP.finditer(text))
    digits = sum(group.end() - group.start() for group in groups) - prefix
    for group in reversed(groups):
        if digits < fewest:
            return None
        if digits <= most:
            end = group.end()
            if text[end : end + 1] == ")":
                end += 1
            part = text[:end]
            if part.count("/") <= 1 and not _DATE_LIKE.search(part):
                return part
        digits -= group.end() - group.start()
    return None


def _find_phones(text: str) -> list[Match]:
    found: list[Match] = []
    for pattern in (_INTERNATIONAL, _LOCAL):
        position = 0
        while match := pattern.search(text, position):
            position = match.end()
            if position - match.start() < _SHORTEST_PHONE:
                continue
            kept = _shorten_phone(match.group())
            if kept:
                found.append(Match(PersonalDataKind.PHONE, match.start(), match.start() + len(kept), kept))
                # The groups left over may be the next phone number: "020 7946 0958 07700 900123".
                position = match.start() + len(kept)
    for match in _NANP.finditer(text):
        if not _DATE_LIKE.search(match.group()):
            found.append(Match(PersonalDataKind.PHONE, match.start(), match.end(), match.group()))
    return found


def _find_cards(text: str) -> list[Match]:
    found: list[Match] = []
    # A long run of the same groups yields the same candidate at every group: check it once.
    verdicts: dict[str, int] = {}
    for match in _CARD.finditer(text):
        candidate = match.group(1)
        length = verdicts.get(candidate)
        if length is None:
            length = verdicts[candidate] = _card_length(candidate)
        if length:
            found.append(
                Match(PersonalDataKind.CARD, match.start(), match.start() + length, candidate[:length])
            )
    return found


def _card_length(candidate: str) -> int:
    """How much of the candidate is a card number; 0 when none of it is."""
    groups = _DIGIT_GROUP.findall(candidate)
    if _is_card_number(groups):
        return len(candidate)
    # A card number followed by its expiry month (4111 1111 1111 1111 12/26) reads as a
    # fifth group: try again without it.
    if len(groups) == 5 and _is_card_number(groups[:-1]):
        return len(candidate.rstrip("0123456789").rstrip(_CARD_SEPARATORS))
    return 0


def _is_card_number(groups: list[str]) -> bool:
    digits = "".join(groups)
    if not (13 <= len(digits) <= 19 and luhn_valid(digits)):
        return False
    return len(groups) == 1 or not all(len(group) == 4 and group[:2] in _YEAR_CENTURIES for group in groups)


def _find_ibans(text: str) -> list[Match]:
    found: list[Match] = []
    verdicts: dict[str, int] = {}  # as for cards: each distinct candidate is checked once
    for match in _IBAN.finditer(text):
        candidate = match.group(1)
        length = verdicts.get(candidate)
        if length is None:
            length = verdicts[candidate] = _iban_length(candidate)
        absolute_end = match.start() + length
        # An IBAN glued to more letters or digits is part of some longer code.
        if length and not (absolute_end < len(text) and text[absolute_end].isalnum()):
            found.append(Match(PersonalDataKind.IBAN, match.start(), absolute_end, candidate[:length]))
    return found


def _iban_length(candidate: str) -> int:
    """How much of the candidate is an IBAN; 0 when none of it is."""
    length = IBAN_LENGTHS.get(candidate[:2].upper())
    if length is None:
        return 0
    compact = candidate.translate(_DROP_IBAN_SEPARATORS)
    if len(compact) < length or not iban_valid(compact[:length].upper()):
        return 0
    # The IBAN ends where its `length`-th letter or digit is.
    return _nth_iban_character_end(candidate, length)


def _nth_iban_character_end(text: str, count: int) -> int:
    for seen, character in enumerate(_IBAN_CHARACTER.finditer(text), start=1):
        if seen == count:
            return character.end()
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
