"""Exports are inert: whatever a person typed comes out of the Markdown report and the CSV as text.

The report is rendered here as a wiki would render it (CommonMark with raw HTML allowed, plus
tables and strikethrough), and each payload must come out as its own characters.
"""

from __future__ import annotations

import csv
import html
import io
import re

import pytest

from stories.models import Principle, Team
from stories.retros.export_text import md_block, md_inline
from tests.factories import ActionItemFactory, RetroFactory, StoryFactory
from tests.retros.helpers import month_url

markdown_it = pytest.importorskip("markdown_it")

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<!-- hidden -->",
    "[click me](javascript:alert(1))",
    "![pixel](https://evil.example/p.png)",
    "<https://evil.example>",
    "[ref][1]",
    "# Heading",
    "## Sub",
    "**bold** and _em_ and `code`",
    "~~struck~~",
    "| a | b |",
    "- a list",
    "+ a list",
    "* a list",
    "1. ordered",
    "2) ordered",
    "> quoted",
    "---",
    "===",
    "```python",
    "&lt;script&gt; &#60;b&#62;",
    "back\\slash\\",
    "AT&T & Sons",
]
FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", ' =HYPERLINK("http://evil")']


def render(markdown: str) -> str:
    return (
        markdown_it.MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .render(markdown)
    )


def text_of(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_it_renders_a_payload_in_a_line_as_its_own_characters(payload):
    rendered = render(f"- [ ] {md_inline(payload)}\n\n| cell |\n| --- |\n| {md_inline(payload)} |\n")
    assert text_of(rendered).count(payload.strip()) == 2
    for tag in ("<script", "<img", "<a ", "<h", "<strong", "<em", "<code", "<s>", "<blockquote", "<!--"):
        assert tag not in rendered.replace("<head", "")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_it_renders_a_payload_in_the_notes_as_its_own_characters(payload):
    notes = f"{payload}\n    indented {payload}\n\n{payload}"
    rendered = render(md_block(notes))
    assert text_of(rendered).count(payload.strip()) == 3
    assert set(re.findall(r"<(\w+)", rendered)) <= {"p", "br"}


def test_it_escapes_every_typed_field_of_the_report(lead_client, member, team, last_month, month_stories):
    payload = "<script>x</script> [a](javascript:x) # h"
    Team.objects.filter(pk=team.pk).update(name=f"Desk {payload}")
    Principle.objects.filter(slug="empathy").update(name=f"Empathy {payload}")
    member.first_name, member.last_name = "<b>Mia</b>", "[x](javascript:y)"
    member.save()
    story = month_stories[0]
    story.title = f"Title {payload}"
    story.save()
    retro = RetroFactory(
        team=team, month=last_month, notes=f"# not a heading\n<script>alert(1)</script>\n{payload}"
    )
    retro.vote(story, by=member)
    ActionItemFactory(retro=retro, text=f"Do {payload}", owner=member)

    body = lead_client.get(month_url("retro_markdown", team, last_month)).content.decode()
    rendered = render(body)

    assert "<script" not in rendered and "<b>" not in rendered
    assert "javascript:" not in re.sub(r"\\\]\\?\(javascript:", "", body.replace("](javascript:", "!!"))
    assert 'href="javascript' not in rendered
    # Only the report's own headings: the title and its sections.
    assert [h for h in re.findall(r"<h\d>(.*?)</h\d>", rendered) if "not a heading" in h] == []
    text = text_of(rendered)
    for typed in (f"Desk {payload}", f"Empathy {payload}", f"Title {payload}", f"Do {payload}", "<b>Mia</b>"):
        assert typed in text


def test_it_keeps_formulas_out_of_every_csv_cell(member_client, team, last_month, month_stories):
    for formula in FORMULAS:
        StoryFactory(team=team, happened_on=last_month, title=formula)
    rows = list(
        csv.DictReader(
            io.StringIO(member_client.get(month_url("retro_csv", team, last_month)).content.decode())
        )
    )
    titles = {row["title"] for row in rows}
    for formula in FORMULAS:
        assert "'" + " ".join(formula.split()) in titles or "'" + formula in titles
    for row in rows:
        for value in row.values():
            assert not value.lstrip(" ").startswith(("=", "+", "-", "@", "\t"))
