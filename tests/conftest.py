"""Shared fixtures: a team with its cast of people, and logged-in clients for each role.

The cast is the same in every view test: anonymous, an outsider (in another team), a member,
the team's lead, the lead of another team, a moderator (the permission) and a superuser.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import importlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from tests.factories import MembershipFactory, TeamFactory, UserFactory

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# mutmut (`make mutants`) sets MUTANT_UNDER_TEST in its own process and in every child that
# tests a mutant. A verdict must not depend on luck, nor a killed mutant cost a long shrink: its
# hypothesis tests draw the same examples every time and stop at the first failing one.
if "MUTANT_UNDER_TEST" in os.environ:
    hypothesis.settings.register_profile(
        "mutants",
        derandomize=True,
        database=None,
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    hypothesis.settings.load_profile("mutants")

# The database as the settings name it, before a test session renames it to its test database.
_DATABASE_NAMES = {alias: db["NAME"] for alias, db in settings.DATABASES.items()}


def _take_database_slot() -> tuple[int, int] | None:
    """Under mutmut, the lowest free slot (and the lock that holds it until it is given back).

    mutmut's children test two mutants at once; in one test database, one child's rows (the
    same usernames, unique) would block the other's, and a transactional test would empty the
    tables under it: timeouts or false kills. Each child takes a slot, so a database of its own.
    """
    if "MUTANT_UNDER_TEST" not in os.environ:
        return None
    wanted = os.environ.get("MUTANTS_DATABASE_SLOT")  # `make mutants` creates each slot's database first
    slots = [int(wanted)] if wanted else range(16)
    lock_name = f"{_DATABASE_NAMES['default']}".replace(os.sep, "_")
    for slot in slots:
        path = os.path.join(tempfile.gettempdir(), f"mutmut-{lock_name}-slot{slot}.lock")
        lock = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(lock)
            continue
        return slot, lock
    raise RuntimeError(f"no free test database slot among {list(slots)}")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> Iterator[None]:
    """Under mutmut, each concurrent child tests against a database of its own (test_<name>_slotN).

    The name comes from the settings' own name: the sessions mutmut runs one after another in
    one process (statistics, clean run) leave settings naming the last test database.
    """
    taken = _take_database_slot()
    if taken is not None:
        slot, _ = taken
        for alias, db in settings.DATABASES.items():
            if db["ENGINE"] != "django.db.backends.sqlite3":
                db.setdefault("TEST", {})["NAME"] = f"test_{_DATABASE_NAMES[alias]}_slot{slot}"
    yield
    if taken is not None:
        os.close(taken[1])


# Every test but the browser ones runs on this day unless it travels elsewhere itself: a test
# that passes today must pass on the 1st of a month, at midnight, and on New Year's Eve too.
# Wednesday 17 June 2026, noon UTC: mid-month, the same date in UTC and London, and already
# the 18th in Kiritimati (UTC+14), so a test mixing up zones sees a different day.
PINNED_NOW = dt.datetime(2026, 6, 17, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def english_by_default() -> Iterator[None]:
    """Each test starts in English: a request in another language leaves it active in the thread."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test starts with an empty cache: team and person ids come again in the next test's
    database, and cached figures or badges of the last one must not be read as theirs."""
    cache.clear()


@pytest.fixture(autouse=True)
def pinned_clock(request: Any) -> Iterator[Any]:
    # A browser's cookies expire by its own clock, which time-machine cannot move; app
    # servers in their own processes keep the real clock too.
    if "live_server" in request.fixturenames or "app_servers" in request.fixturenames:
        yield None
        return
    with time_machine.travel(PINNED_NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture
def team(db: Any) -> Any:
    return TeamFactory(name="Front Desk", slug="front-desk")


@pytest.fixture
def other_team(db: Any) -> Any:
    return TeamFactory(name="Support Line", slug="support-line")


@pytest.fixture
def member(team: Any) -> Any:
    user = UserFactory(username="member", first_name="Mia")
    MembershipFactory(user=user, team=team)
    return user


@pytest.fixture
def lead(team: Any) -> Any:
    user = UserFactory(username="lead", first_name="Leo")
    MembershipFactory(user=user, team=team, role="lead")
    return user


@pytest.fixture
def outsider(other_team: Any) -> Any:
    user = UserFactory(username="outsider", first_name="Otto")
    MembershipFactory(user=user, team=other_team)
    return user


@pytest.fixture
def other_lead(other_team: Any) -> Any:
    user = UserFactory(username="otherlead", first_name="Olga")
    MembershipFactory(user=user, team=other_team, role="lead")
    return user


@pytest.fixture
def moderator(db: Any) -> Any:
    user = UserFactory(username="moderator", first_name="Mo")
    user.user_permissions.add(Permission.objects.get(codename="moderate_story"))
    return user


@pytest.fixture
def superuser(db: Any) -> Any:
    user = UserFactory(username="admin", is_staff=True, is_superuser=True)
    return user


def _client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def member_client(member: Any) -> Client:
    return _client_for(member)


@pytest.fixture
def lead_client(lead: Any) -> Client:
    return _client_for(lead)


@pytest.fixture
def outsider_client(outsider: Any) -> Client:
    return _client_for(outsider)


@pytest.fixture
def other_lead_client(other_lead: Any) -> Client:
    return _client_for(other_lead)


@pytest.fixture
def moderator_client(moderator: Any) -> Client:
    return _client_for(moderator)


@pytest.fixture
def superuser_client(superuser: Any) -> Client:
    return _client_for(superuser)


@pytest.fixture
def drawn(monkeypatch: Any) -> Any:
    """drawn(template, …, pick=…): a list that gets pick(context) each time core/fragments.py
    draws one of those templates, from an empty store of kept fragments (a kept one is not
    drawn again)."""
    from collections import OrderedDict

    from stories.core import fragments

    monkeypatch.setattr(fragments, "_kept", OrderedDict())
    monkeypatch.setattr(fragments, "_kept_characters", 0)
    real = fragments.render_to_string
    watched: dict[str, Any] = {}
    calls: list[Any] = []

    def counting(template_name: str, context: dict[str, Any]) -> str:
        if template_name in watched:
            calls.append(watched[template_name](context))
        return real(template_name, context)

    monkeypatch.setattr(fragments, "render_to_string", counting)

    def watch(*template_names: str, pick: Any = lambda context: context) -> list[Any]:
        watched.update(dict.fromkeys(template_names, pick))
        return calls

    return watch


# --- browser tests ---------------------------------------------------------------------


def _chromium_missing_reason() -> str | None:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium`"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright (Python) is not installed: run `make test` to install dev requirements"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _chromium_missing_reason()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(f"BROWSER TESTS SKIPPED: {reason}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM must be told
    # that is fine, or it refuses to run inside the live server tests.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def _reload_principle_catalogue() -> None:
    """Transactional (browser) tests flush every table after each test, migrated data included."""
    from django.apps import apps

    from stories.models import Principle

    if not Principle.objects.exists():
        migration = importlib.import_module("stories.migrations.0002_principles")
        migration.load_catalogue(apps, None)
        importlib.import_module(
            "stories.migrations.0005_principle_translations_and_groups"
        ).load_translations(apps, None)


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    _reload_principle_catalogue()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login(page: Any) -> Any:
    """login(user) signs the browser in through the real login form."""

    def do_login(user: Any) -> Any:
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill("service-retro")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/")
        return page

    return do_login


def _flushes_the_database(item: Any) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(fixtures)
    )


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    # A transactional test flushes every table when it ends, the migrated principle catalogue
    # included, so every such test runs after all the others (pytest-django's own order put
    # tests without a django_db mark after them); browser tests last of all, the slowest.
    # Under mutmut the arguments are the test ids, fastest first, and the first failure ends the
    # run: keep that order within the two rules above (pytest-django puts tests without a
    # database after the others), so a mutant is killed by its quickest test, not after a slow one.
    given = {arg: i for i, arg in enumerate(config.args)} if "MUTANT_UNDER_TEST" in os.environ else {}
    items.sort(
        key=lambda item: (
            _flushes_the_database(item),
            "page" in getattr(item, "fixturenames", ()),
            given.get(item.nodeid, 0),
        )
    )


@pytest.fixture(params=["locmem", "redis"])
def shared_cache(request: Any, settings: Any) -> Iterator[None]:
    """The test runs twice: on local memory, and on Redis when REDIS_URL is set (CI sets it)."""
    if request.param == "locmem":
        yield
        return
    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.skip("REDIS CACHE TEST SKIPPED: set REDIS_URL=redis://127.0.0.1:6379/<db> to run it")
    prefix = f"figure-cache-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
    }
    yield
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)
