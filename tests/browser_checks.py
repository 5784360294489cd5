"""Checks every browser test can run on the page it is on: axe-core and "no sideways scroll".

axe-core comes bundled with axe-playwright-python (no CDN). It runs the WCAG 2.1 A/AA rules
plus axe's best practices; any violation fails the test with the rule, the offending elements
and axe's own one-line fix.
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
_axe = Axe()

# The outermost elements sticking out of the page, to say what to fix.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)
  .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`)"""


def axe_violations(page: Any) -> list[str]:
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    found = []
    for violation in results.response["violations"]:
        targets = [", ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        summary = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")
        found.append(f"{violation['id']} ({violation['impact']}): {'; '.join(targets)} -- {summary}")
    return found


def assert_accessible(page: Any) -> None:
    """No axe-core violation on the page as it is now (open <details> and all)."""
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n" + "\n".join(violations)


def assert_fits_phone(page: Any) -> None:
    """The page does not scroll sideways at the current (phone) viewport width."""
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{page.url} is {width}px wide at {viewport}px: {page.evaluate(WIDEST)}"
