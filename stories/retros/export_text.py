"""Text a person typed, made inert for the exports.

The Markdown report is pasted into wikis and chat tools, which render it: a title such as
`[x](javascript:…)`, `<script>` or `# Heading` must come out as those characters, never as a
link, markup or structure. The CSV is opened in spreadsheets, which run cells that start
like a formula.
"""

from __future__ import annotations

import re
from typing import Any

from stories.core.text import one_line

# Characters that open inline Markdown (emphasis, code, links, images, tables, strikethrough)
# in CommonMark or GitHub's flavour; a backslash makes each a literal.
_INLINE = re.compile(r"([\\`*_\[\]|~!])")
# HTML: "<" opens a tag, an autolink or a comment, "&name;" an entity. Entities stay literal text
# in every renderer, where backslash escapes before "<" are not understood by all of them.
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What still opens a block at the start of a line once the inline characters are escaped
# (and ">" is "&gt;"): headings, "+"/"-" lists and breaks, setext underlines, "1." or "1)" lists.
_BLOCK_START = re.compile(r"^([#+\-=]|\d+(?=[.)]))")
_NOTE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _escape_html(text: str) -> str:
    return _ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def md_inline(value: Any) -> str:
    """One line of typed text as literal Markdown, safe inside a table cell or after a list marker."""
    return _INLINE.sub(r"\\\1", _escape_html(one_line(str(value))))


def md_block(value: Any) -> str:
    """Several lines (the facilitator's notes) as literal Markdown paragraphs, line breaks kept.

    Each line loses its indentation (four spaces make a code block) and has whatever would
    open a block at its start escaped.
    """
    lines = []
    # Line ends first: _NOTE_CONTROL would turn a "\r" into a space (a mutant showed the
    # normalisation came too late, so a note with bare "\r" line ends lost its breaks).
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    for raw in _NOTE_CONTROL.sub(" ", text).split("\n"):
        line = _INLINE.sub(r"\\\1", _escape_html(raw.strip()))
        # "\#", "\-", "1\." … : the backslash goes before the marker, or before the dot of "1.".
        match = _BLOCK_START.match(line)
        if match and match.group(1).isdigit():
            end = match.end()
            line = f"{line[:end]}\\{line[end:]}"
        elif match:
            line = "\\" + line
        lines.append(line)
    # A line that ends in two spaces breaks there; blank lines still part paragraphs.
    return "\n".join(line + "  " if line else line for line in lines).strip()


def csv_cell(value: Any) -> Any:
    """Spreadsheets run cells starting with = + - @ (and a few more) as formulas; a leading ' keeps them text."""
    if isinstance(value, str) and value.lstrip(" ").startswith(CSV_FORMULA_PREFIXES):
        return "'" + value
    return value
