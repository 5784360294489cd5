"""What the exports make of typed text, character for character.

test_export_payloads renders payloads as a wiki would and checks they stay text; here the exact
output is pinned, so an escape that is doubled, dropped or moved fails too.
"""

from __future__ import annotations

import pytest

from stories.retros.export_text import csv_cell, md_block, md_inline


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("plain words", "plain words"),
        ("a*b_c`d", r"a\*b\_c\`d"),
        ("[x](y) ![i] |t| ~s~ back\\", r"\[x\](y) \!\[i\] \|t\| \~s\~ back\\"),
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("&amp; &#60; AT&T & co", "&amp;amp; &amp;#60; AT&T & co"),
        ("two\nlines\t and  spaces ", "two lines and spaces"),
        (42, "42"),
    ],
)
def test_it_writes_a_line_as_literal_markdown(typed, expected):
    assert md_inline(typed) == expected


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("one\ntwo", "one  \ntwo"),
        ("one\n\ntwo", "one  \n\ntwo"),
        ("  # heading\n- item\n+ item\n=== \n", "\\# heading  \n\\- item  \n\\+ item  \n\\==="),
        ("1. one\n12) twelve\n3 three", "1\\. one  \n12\\) twelve  \n3 three"),
        ("*a* <b> &lt;", "\\*a\\* &lt;b&gt; &amp;lt;"),
        ("a\x00b\x1fc\u2028d\x85e", "a b c d e"),
        ("windows\r\nline", "windows  \nline"),
        ("old\rmac\r\rbreaks", "old  \nmac  \n\nbreaks"),
        ("\n\n  lonely  \n\n", "lonely"),
        (7, "7"),
    ],
)
def test_it_writes_the_notes_as_literal_markdown_paragraphs(notes, expected):
    assert md_block(notes) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =1", "'  =1"),
        ("a=1", "a=1"),
        ("X=1", "X=1"),  # only spaces are skipped before the first character
        ("", ""),
        ("\n=1", "\n=1"),
        (-1, -1),
        (None, None),
    ],
)
def test_it_keeps_a_csv_cell_from_starting_a_formula(value, expected):
    assert csv_cell(value) == expected
