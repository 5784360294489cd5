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

import bisect
import functools
import heapq
import re

from stories.log.personal_data_cards import is_card_number, luhn_valid
from stories.log.personal_data_emails import find_emails
from stories.log.personal_data_ibans import IBAN_LENGTHS, iban_valid
from stories.log.personal_data_match import Match, PersonalDataKind
from stories.log.personal_data_phones import extension_end, labelled_as_reference, valid_in_country

__all__ = ["IBAN_LENGTHS", "Match", "PersonalDataKind", "iban_valid", "luhn_valid"]


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
_INTL_SEP = f"(?:[{_INLINE_SPACES}.\\-]{{0,2}}+\\([0-9]{{1,4}}\\)[{_INLINE_SPACES}.\\-]{{0,2}}+|{_PHONE_SEP})"
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

PLACEHOLDERS = {kind: f"[{kind.value}]" for kind in PersonalDataKind}


def _phone_digit_bounds(text: str) -> tuple[int, int, int]:
    """The fewest and most digits a phone number written like this has, and its prefix's length."""
    # A candidate starts with a digit, "+" or "(0": no strip changes which branch it takes.
    stripped = text.lstrip("( ")  # pragma: no mutate
    if stripped.startswith("+"):
        return 8, 15, 0
    if stripped.startswith("00"):
        return 8, 15, 2
    return 9, 12, 0


# Eight digits after a "+", nine with a trunk 0: no shorter text can be a phone number.
_SHORTEST_PHONE = 9


# French and Belgian pairs, 06.12.34.56.78: date-like in part, but no date has five groups.
_PAIRS = re.compile(r"\(?0[1-9]\)?(?:[ .\-\u00a0]{1,3}[0-9]{2}){4}")


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
            # A number after "+" is never a date: +44-20-7946-0958.
            dated = not part.startswith("+") and _DATE_LIKE.search(part) and not _PAIRS.fullmatch(part)
            if part.count("/") <= 1 and not dated:
                return part
        digits -= group.end() - group.start()
    return None


# Written the national way without a trunk 0 (612 345 678, 9123 4567, 98765 43210): only
# read as a phone number by the team's country's numbering plan.
_NATIONAL = re.compile(_NUMBER_START + rf"[1-9][0-9]*+(?:{_PHONE_SEP}[0-9]++){{0,4}}+" + _NUMBER_END)
_NATIONAL_DIGITS = (7, 12)
_IPV4 = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")


def _national_part(text: str, country: str, verdicts: dict[str, str | None]) -> str | None:
    """The longest leading part of the run that the country's numbering plan calls valid."""
    if text in verdicts:
        return verdicts[text]
    # Callers only ask whether a part was found ("" reads as None), and leaving the loop
    # early only skips caching the verdict: neither is mutated.
    found = None  # pragma: no mutate
    groups = list(_DIGIT_GROUP.finditer(text))
    digits = sum(group.end() - group.start() for group in groups)
    for group in reversed(groups):
        if digits < _NATIONAL_DIGITS[0]:
            break  # pragma: no mutate
        part = text[: group.end()]
        if digits <= _NATIONAL_DIGITS[1] and not _DATE_LIKE.search(part) and valid_in_country(part, country):
            found = part
            break
        digits -= group.end() - group.start()
    verdicts[text] = found
    return found


def _phone(text: str, start: int, number: str) -> Match:
    """The number, with its extension if one follows."""
    end = extension_end(text, start + len(number))
    return Match(PersonalDataKind.PHONE, start, end, text[start:end])


def _find_phones(text: str, country: str = "") -> list[Match]:  # pragma: no mutate (as redact's)
    found: list[Match] = []
    for pattern in (_INTERNATIONAL, _LOCAL):
        position = 0
        while match := pattern.search(text, position):
            position = match.end()
            # Only spares the work: a shorter candidate has too few digits for _shorten_phone
            # anyway (the 9 itself is pinned by tests), so the check is not mutated.
            if position - match.start() < _SHORTEST_PHONE:  # pragma: no mutate
                continue
            kept = _shorten_phone(match.group())
            # Only a leading "+" says "phone number" louder than a label naming a reference.
            plus = match.group().startswith("+")
            if kept and (plus or not labelled_as_reference(text, match.start())):
                found.append(_phone(text, match.start(), kept))
            if kept:
                # The groups left over may be the next phone number: "020 7946 0958 07700 900123".
                position = match.start() + len(kept)
    for match in _NANP.finditer(text):
        if not _DATE_LIKE.search(match.group()) and not labelled_as_reference(text, match.start()):
            found.append(_phone(text, match.start(), match.group()))
    if country:
        found.extend(_find_national(text, country, found))
    return found


def _find_national(text: str, country: str, found: list[Match]) -> list[Match]:
    taken = _covered(found)
    starts = [start for start, _ in taken]
    verdicts: dict[str, str | None] = {}
    national = []
    for match in _NATIONAL.finditer(text):
        if _IPV4.fullmatch(match.group()) or _overlaps(taken, starts, match.start(), match.end()):
            continue
        kept = _national_part(match.group(), country, verdicts)
        if kept and not labelled_as_reference(text, match.start()):
            national.append(_phone(text, match.start(), kept))
    return national


def _covered(matches: list[Match]) -> list[tuple[int, int]]:
    """The spans the matches cover, merged, sorted and disjoint."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((match.start, match.end) for match in matches):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect.bisect_right(starts, start) - 1
    return any(0 <= i < len(spans) and spans[i][0] < end and start < spans[i][1] for i in (index, index + 1))


def _find_cards(text: str) -> list[Match]:
    found: list[Match] = []
    # A long run of the same groups yields the same candidate at every group: check it once.
    verdicts: dict[str, int] = {}
    for match in _CARD.finditer(text):
        candidate = match.group(1)
        length = verdicts.get(candidate)  # pragma: no mutate (the cache only spares a second check)
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
    # 19 is is_card_number's own upper bound too, and no network issues numbers starting 19 or
    # 20, so the years check never refuses what is_card_number accepted: kept as a second
    # guard, not mutated.
    if not (13 <= len(digits) <= 19 and is_card_number(digits)):  # pragma: no mutate
        return False
    return len(groups) == 1 or not all(len(group) == 4 and group[:2] in _YEAR_CENTURIES for group in groups)  # pragma: no mutate  # fmt: skip


def _find_ibans(text: str) -> list[Match]:
    found: list[Match] = []
    verdicts: dict[str, int] = {}  # as for cards: each distinct candidate is checked once
    for match in _IBAN.finditer(text):
        candidate = match.group(1)
        length = verdicts.get(candidate)  # pragma: no mutate (the cache only spares a second check)
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


def _without_self_overlaps(matches: list[Match]) -> list[Match]:
    """One detector's matches, sorted, keeping the longer of two that overlap."""
    # Among matches that start together the longest stays whatever their order, since a longer
    # one replaces the last kept: the tie-break is not mutated.
    matches.sort(key=lambda m: (m.start, m.start - m.end))  # pragma: no mutate
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


def find_personal_data(text: str, country: str = "") -> list[Match]:  # pragma: no mutate (as redact's)
    """Every piece of personal data in the text, non-overlapping, sorted by position.

    `country` (ISO 3166 alpha-2, the team's) tells how local phone numbers are written there.
    Where detectors disagree, the more specific kind wins: e-mail, then IBAN, card, phone.
    """
    if not text:
        return []
    kept: list[Match] = []
    for finder in (find_emails, _find_ibans, _find_cards):
        kept = _merge(kept, _without_self_overlaps(finder(text)))
    return _merge(kept, _without_self_overlaps(_find_phones(text, country)))


def _replace(text: str, matches: list[Match]) -> str:
    pieces: list[str] = []
    position = 0  # pragma: no mutate (a slice from None starts at 0 too)
    for match in matches:
        pieces.append(text[position : match.start])
        pieces.append(PLACEHOLDERS[match.kind])
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)


# 4,096 texts of at most 5,000 characters: 20 MB at the very worst, far less as most are short.
@functools.lru_cache(maxsize=4096)
def personal_data_in(text: str, country: str = "") -> tuple[Match, ...]:  # pragma: no mutate (as redact's)
    """find_personal_data(), remembered for the same words: the moderation queue asks it of every
    row's texts on each page (to mark them, and whether a lead may publish), mostly unchanged
    since the page before."""
    return tuple(find_personal_data(text, country))


# The default country is not mutated: an unknown one ("XXXX") finds what none does.
def redact(text: str, country: str = "") -> str:  # pragma: no mutate
    """The text with each piece of personal data replaced by "[email]", "[phone]", "[card]" or "[iban]".

    The whole matched span (a phone number's extension included) becomes the placeholder.
    Replacing one match can expose another (a number that was glued to it), so this repeats
    until nothing is left; each round removes digits or an @, so it ends.
    """
    matches = find_personal_data(text, country)
    while matches:
        text = _replace(text, matches)
        matches = find_personal_data(text, country)
    return text


def kinds_found(text: str, country: str = "") -> set[PersonalDataKind]:  # pragma: no mutate (as redact's)
    return {match.kind for match in find_personal_data(text, country)}
