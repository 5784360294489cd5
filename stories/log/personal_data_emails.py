"""E-mail addresses in free text: written plainly, or spelled out to fool robots.

The kinds and the Match type live in personal_data; this module only finds candidates.
"""

from __future__ import annotations

import re

from stories.log.personal_data_match import Match, PersonalDataKind

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

# Spelled out so that robots miss it: "jo dot bloggs at example dot com", "jo(at)example(dot)com".
# Every part is bounded and separated by a literal word, and it starts only at a token start.
_AT_WORD = r"(?:\s?\(at\)\s?|\s?\[at\]\s?|\sat\s)"
_DOT_WORD = r"(?:\s?\(dot\)\s?|\s?\[dot\]\s?|\sdot\s)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.])[A-Za-z0-9_%+\-]{{1,64}}+(?:(?:{_DOT_WORD}|\.)[A-Za-z0-9_%+\-]{{1,64}}+){{0,3}}+"
    rf"{_AT_WORD}[A-Za-z0-9\-]{{1,63}}+(?:(?:{_DOT_WORD}|\.)[A-Za-z0-9\-]{{1,63}}+){{0,3}}"
    rf"{_DOT_WORD}(?:com|org|net|edu|gov|io|co|uk|ie|de|fr|es|it|nl|at|ch|jp|sg|in|au|nz|ca|us|info|biz)(?![\w])",
    re.IGNORECASE,
)

_AT_ANYWHERE = re.compile(r"\sat\s|\(at\)|\[at\]", re.IGNORECASE)

# "logo@2x.png", "icon@1.5x.webp": image names for high-density screens, not addresses.
_DENSITY_SUFFIX = re.compile(r"@[0-9]{1,2}(?:\.[0-9])?x\.[A-Za-z]{2,5}")


def find_emails(text: str) -> list[Match]:
    return [
        Match(PersonalDataKind.EMAIL, m.start(), m.end(), m.group())
        for m in _EMAIL.finditer(text)
        if not _DENSITY_SUFFIX.search(m.group())
    ] + _find_spelled_emails(text)


def _find_spelled_emails(text: str) -> list[Match]:
    # One quick scan for the word "at" spares the full pattern on nearly every text.
    if not _AT_ANYWHERE.search(text):
        return []
    return [
        Match(PersonalDataKind.EMAIL, m.start(), m.end(), m.group()) for m in _SPELLED_EMAIL.finditer(text)
    ]
