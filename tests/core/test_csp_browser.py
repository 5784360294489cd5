"""Every page under the strict CSP, in a real Chromium: not one violation reported.

The pages are the URL walk's (tests/url_walk.py: every pattern of the resolver, filled from
its world, Django's own account pages included): each is asked once through the test client,
and every one that shows an HTML page is opened in the browser, as the superuser (every team's
pages) and as the author (their own story's edit form). Anonymous visitors' pages, the lockout
page and the admin follow.
"""

from __future__ import annotations

from typing import Any

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.shortcuts import resolve_url
from django.urls import reverse

from tests.url_walk import World, build_world, client_for, url_cases

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Listens from the first script on: the page's own scripts cannot hide a violation.
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
"""
STRICT = ("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'")
# Django's login, logout and password views show our templates, so the browser opens them too.
ACCOUNT_PAGES = "django.contrib.auth."


@pytest.fixture
def world(page: Any) -> World:
    # After `page`, which puts back the principle catalogue a transactional test flushed.
    return build_world()


def html_pages(world: World, role: str) -> dict[str, str]:
    """URL -> name of every page of the walk that shows this role HTML (after a redirect
    within the app, as a reset link's to its form; never the login page)."""
    probe = client_for(world, role)
    pages: dict[str, str] = {}
    for case in url_cases(world, also=(ACCOUNT_PAGES,)):
        if not case.reads or case.url in pages:
            continue
        response = probe.get(case.url)
        if response.status_code == 302 and not response["Location"].startswith(
            resolve_url(settings.LOGIN_URL)
        ):
            response = probe.get(response["Location"])
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            pages[case.url] = case.name
    return pages


def sign_in(page: Any, base_url: str, world: World, role: str) -> None:
    """The browser takes the session of a test client signed in as `role` (no password typed)."""
    client = client_for(world, role)
    page.context.clear_cookies()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


def _visit(page: Any, url: str, violations: list[str], console: list[str]) -> None:
    response = page.goto(url)
    assert response is not None and (response.ok or response.status == 429), url
    header = response.headers.get("content-security-policy", "")
    for directive in STRICT:
        assert directive in header, (url, header)
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    page.wait_for_load_state("load")
    violations += [f"{url}: {v}" for v in page.evaluate("window.__csp")]
    violations += [f"{url}: {m}" for m in console]
    console.clear()


def _watch(page: Any) -> list[str]:
    page.add_init_script(LISTEN)
    console: list[str] = []
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and console.append(message.text)
    )
    return console


def test_it_reports_no_csp_violation_on_any_page(page, live_server, world):
    console = _watch(page)
    violations: list[str] = []
    visited: dict[str, str] = {}
    for role in ("superuser", "author"):
        pages = {url: name for url, name in html_pages(world, role).items() if url not in visited}
        sign_in(page, live_server.url, world, role)
        for url in pages:
            _visit(page, url, violations, console)
        visited.update(pages)
    # htmx at work (as the author, a member of the team): a validation round trip swaps a field in place.
    page.goto(reverse("story_create"))
    page.get_by_label("Title").fill("x")
    page.get_by_label("Title").press("Tab")
    page.wait_for_timeout(600)
    violations += page.evaluate("window.__csp") + console

    expected = ["dashboard", "story_list", "story_create", "story_detail", "story_edit", "moderation_queue"]
    expected += ["retro_list", "retro_detail", "trends", "retros_across_teams", "karma", "password_change"]
    assert set(visited.values()) >= set(expected), visited
    assert violations == []


def test_it_reports_no_csp_violation_on_the_anonymous_and_lockout_pages(page, world):
    console = _watch(page)
    violations: list[str] = []
    pages = html_pages(world, "anonymous")
    assert {"login", "password_reset", "password_reset_confirm"} <= set(pages.values()), pages
    for url in [*pages, "/admin/login/"]:
        _visit(page, url, violations, console)
    AccessAttempt.objects.create(
        username="member",
        ip_address="127.0.0.1",
        user_agent="",
        failures_since_start=99,
        get_data="",
        post_data="",
    )
    page.goto(reverse("login"))
    page.get_by_label("Username").fill("member")
    page.get_by_label("Password").fill("service-retro")
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Too many attempts").first.wait_for()
    violations += page.evaluate("window.__csp") + console

    assert violations == []


def test_it_reports_no_csp_violation_in_the_admin(page, live_server, world):
    console = _watch(page)
    violations: list[str] = []
    sign_in(page, live_server.url, world, "superuser")
    story_id = world.stories["published"].pk
    urls = ["/admin/", "/admin/stories/story/add/", f"/admin/stories/story/{story_id}/change/"]
    urls += [f"/admin/{model._meta.app_label}/{model._meta.model_name}/" for model in admin.site._registry]
    for url in urls:
        _visit(page, url, violations, console)
    # The admin's own scripts at work: the changelist's select-all and the actions bar.
    page.goto("/admin/stories/story/")
    page.locator("#action-toggle").check()

    assert violations == []
