"""Every template, read as text: nothing the strict CSP would refuse, found before a browser runs.

The CSP browser test sees what the pages render; this sees every template, branches no walk
reaches included, and also refuses the word pattern (`style="`) anywhere, so a template
variable is never mistaken for an inline style by a reader or a scanner.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

REFUSED = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "style element": re.compile(r"<style\b", re.IGNORECASE),
    "style attribute": re.compile(r"\bstyle\s*=\s*[\"']", re.IGNORECASE),
    "event-handler attribute": re.compile(r"<[^>]*\son[a-z]+\s*=\s*[\"']", re.IGNORECASE),
    "javascript: URL": re.compile(r"\b(?:href|src|action)\s*=\s*[\"']\s*javascript:", re.IGNORECASE),
}


def templates() -> list[Path]:
    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR, "stories").glob("**/templates")]
    return sorted(path for root in roots for path in root.rglob("*.html"))


def test_it_reads_the_templates():
    assert len(templates()) > 50


def test_it_finds_nothing_the_csp_refuses_in_any_template():
    found = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}: {what}"
        for path in templates()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        for what, pattern in REFUSED.items()
        if pattern.search(line)
    ]
    assert not found, "\n".join(found)


def test_it_would_refuse_each_kind_it_names():
    samples = {
        "inline script": "<script>alert(1)</script>",
        "style element": "<style>p{}</style>",
        "style attribute": '{% with style="btn" %}',
        "event-handler attribute": '<img src="x" onerror="go()">',
        "javascript: URL": '<a href="javascript:go()">',
    }
    assert {what for what, text in samples.items() if REFUSED[what].search(text)} == set(REFUSED)
    assert not REFUSED["inline script"].search('<script src="/static/js/app.js" defer></script>')
