"""Every page under the strict CSP, in a real Chromium: not one violation reported.

The pages are listed from the URL resolver, so a page added later is visited too: every
pattern is reversed with a real team, story, month and action item, asked once through the
test client (POST-only actions answer 405 and are left out), and every HTML page is opened
in the browser, signed in as a superuser who leads the team. The anonymous pages, the
lockout page and the admin follow.
"""

from __future__ import annotations

from typing import Any

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from stories.core.months import current_month
from stories.models import Status
from tests.factories import ActionItemFactory, MembershipFactory, RetroFactory, StoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Listens from the first script on: the page's own scripts cannot hide a violation.
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
"""
STRICT = ("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'")


def _patterns(patterns: list[Any], prefix: str = "") -> list[str]:
    names = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                names += _patterns(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.append(pattern.name)
    return list(dict.fromkeys(names))


def _site_urls(values: dict[str, Any]) -> list[str]:
    urls = []
    for name in _patterns(get_resolver().url_patterns):
        pattern = get_resolver().reverse_dict.getlist(name)[0][0][0][1]
        urls.append(reverse(name, kwargs={key: values[key] for key in pattern}))
    return urls


@pytest.fixture
def world(team, superuser, member):
    MembershipFactory(user=superuser, team=team, role="lead")
    month = current_month(team)
    StoryFactory(team=team, author=member, title="Stayed late", tags=[("empathy", "honoured")])
    # The superuser's own, still pending: its page, its edit form and its moderation panel all open.
    story = StoryFactory(
        team=team, author=superuser, status=Status.PENDING, what_happened="Call me on 07700 900123"
    )
    item = ActionItemFactory(retro=RetroFactory(team=team, month=month), text="Call back within a day")
    return {
        "slug": team.slug,
        "story_id": story.pk,
        "month": month,
        "item_id": item.pk,
        "step": "numbers",
        "team_id": team.pk,
        "view": "page",
        "membership_id": member.memberships.get(team=team).pk,
        "invitation_id": 0,  # no such invitation: the probe's 404 leaves it out
        "uidb64": urlsafe_base64_encode(force_bytes(member.pk)),
        "token": default_token_generator.make_token(member),
    }


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


def test_it_reports_no_csp_violation_on_any_page(page, login, superuser, world):
    console = _watch(page)
    probe = Client()
    probe.force_login(superuser)
    violations: list[str] = []
    visited = []
    for url in _site_urls(world):
        response = probe.get(url)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            visited.append(url)
    login(superuser)
    for url in visited:
        _visit(page, url, violations, console)
    # htmx at work: a validation round trip swaps a field in place.
    page.goto(reverse("story_create"))
    page.get_by_label("Title").fill("x")
    page.get_by_label("Title").press("Tab")
    page.wait_for_timeout(600)
    violations += page.evaluate("window.__csp") + console

    expected = ["dashboard", "story_list", "story_create", "story_detail", "story_edit", "moderation_queue"]
    expected += ["retro_list", "retro_detail", "trends", "retros_across_teams", "karma", "password_change"]
    assert {resolve(url).url_name for url in visited} >= set(expected), visited
    assert violations == []


def test_it_reports_no_csp_violation_on_the_anonymous_and_lockout_pages(page, member, world):
    console = _watch(page)
    violations: list[str] = []
    for url in (
        reverse("login"),
        reverse("password_reset"),
        reverse("password_reset_done"),
        reverse("password_reset_confirm", kwargs={"uidb64": world["uidb64"], "token": world["token"]}),
        reverse("password_reset_complete"),
        "/admin/login/",
    ):
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


def test_it_reports_no_csp_violation_in_the_admin(page, login, superuser, world):
    console = _watch(page)
    violations: list[str] = []
    login(superuser)
    urls = ["/admin/", "/admin/stories/story/add/", f"/admin/stories/story/{world['story_id']}/change/"]
    urls += [f"/admin/{model._meta.app_label}/{model._meta.model_name}/" for model in admin.site._registry]
    for url in urls:
        _visit(page, url, violations, console)
    # The admin's own scripts at work: the changelist's select-all and the actions bar.
    page.goto("/admin/stories/story/")
    page.locator("#action-toggle").check()

    assert violations == []
