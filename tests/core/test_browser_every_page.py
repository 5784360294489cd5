"""Every page, on a desktop and on a phone: zero axe-core violations and no sideways scroll.

One browser context walks the page list once per viewport, so the whole tour costs a few
seconds rather than a browser per page. Error states count as pages: a login that failed and
a story form sent back with its errors.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser_checks import DESKTOP, PHONE, assert_accessible, assert_fits_phone
from tests.every_page import build_busy_team, pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def busy_team(page, team, lead, member):
    # After `page`: it reloads the principle catalogue an earlier browser test flushed.
    return build_busy_team(team, lead, member)


def check(page, problems):
    """Collects what is wrong with the page as it is now, so one run names every page to fix."""
    # The tables inside <details> count too: open them all.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    checks = [assert_accessible]
    if page.viewport_size["width"] == PHONE["width"]:
        checks.append(assert_fits_phone)
    for run in checks:
        try:
            run(page)
        except AssertionError as error:
            problems.append(str(error))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_it_has_no_accessibility_violation_nor_sideways_scroll_anywhere(
    page, viewport, team, lead, busy_team
):
    problems: list[str] = []
    page.set_viewport_size(viewport)
    page.goto(reverse("login"))
    check(page, problems)
    page.get_by_label("Username").fill(lead.username)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    page.locator(".alert-danger").first.wait_for()
    check(page, problems)

    page.get_by_label("Password").fill("service-retro")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
    for path in pages(team, busy_team):
        page.goto(path)
        check(page, problems)

    # The story form sent back with its errors (no JavaScript validation needed to get there).
    page.goto(reverse("story_create"))
    page.get_by_role("button", name="Save story").click()
    page.locator(".invalid-feedback, .alert-danger, [role=alert]").first.wait_for()
    check(page, problems)
    assert not problems, "\n\n".join(problems)
