"""Two app servers, one PostgreSQL, one Redis: whatever one server is told, the other knows.

Two gunicorn processes serve the test database (committed rows: a transactional test) with
the shared cache in Redis. A person signs in through one and is signed in on the other; a vote
and a moderation decision made through one are shown by the other, whose retro poll (the live
stamp in Redis) and moderation badge change at once. Plain HTTP, no test client: the servers
share nothing with this process but the database and Redis.

Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL); CI has both and sets
REQUIRE_TWO_SERVERS=1, so there a missing one fails instead of skipping.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from stories.core.months import current_month
from stories.log.terms import Status
from tests.factories import PASSWORD, MembershipFactory, StoryFactory, TeamFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 20
BADGE = re.compile(r'id="moderation-badge"[^>]*>(\d+)')


def _database_url() -> str:
    settings = connection.settings_dict
    user = quote(settings["USER"] or "")
    password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    # The test database (test_<name>, per xdist worker too): the one this test commits to.
    return f"postgres://{user}{password}@{host}{port}/{quote(settings['NAME'])}"


def _unavailable() -> str | None:
    if connection.vendor != "postgresql":
        return "needs PostgreSQL: run with DATABASE_URL=postgres://… (SQLite's test database lives in this process)"
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url:
        return "needs Redis: run with REDIS_URL=redis://127.0.0.1:6379/<db>"
    import redis

    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError as error:
        return f"Redis at {redis_url} does not answer ({error})"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Visitor:
    """One person's browser: cookies belong to the host, not the port, so both servers get them."""

    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self, port: int, method: str, path: str, form: dict[str, str] | None = None, **headers: str
    ) -> tuple[int, Any, str]:
        sent = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()), **headers}
        body = None
        if form is not None:
            body = urlencode({"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **form})
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        server = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            server.request(method, path, body, sent)
            response = server.getresponse()
            text = response.read().decode()
        finally:
            server.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.headers, text

    def get(self, port: int, path: str, **headers: str) -> tuple[int, Any, str]:
        return self.request(port, "GET", path, **headers)

    def post(self, port: int, path: str, form: dict[str, str]) -> int:
        return self.request(port, "POST", path, form)[0]


def _start(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "gunicorn", "service_retro.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "30"]
    with log.open("wb") as output:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)


def _wait_until_up(port: int, process: subprocess.Popen[bytes], log: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"app server on port {port} exited:\n{log.read_text()[-3000:]}")
        try:
            if Visitor().get(port, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"app server on port {port} not up in {START_SECONDS} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def app_servers(transactional_db: Any, tmp_path: Path) -> Iterator[tuple[int, int]]:
    reason = _unavailable()
    if reason:
        if os.environ.get("REQUIRE_TWO_SERVERS") == "1":
            pytest.fail(f"REQUIRE_TWO_SERVERS=1 but the two-server test {reason}")
        pytest.skip(f"TWO-SERVER TEST SKIPPED: it {reason}")
    prefix = f"two-servers-{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "service_retro.settings",
        "DEBUG": "1",
        "DATABASE_URL": _database_url(),
        # Its own keys in the shared Redis, whoever else uses it.
        "CACHE_KEY_PREFIX": prefix,
        "CONN_MAX_AGE": "0",
        "TASKS_BACKEND": "immediate",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }
    ports = (_free_port(), _free_port())
    logs = [tmp_path / f"server-{port}.log" for port in ports]
    processes = [_start(port, env, log) for port, log in zip(ports, logs, strict=True)]
    try:
        deadline = time.monotonic() + START_SECONDS
        for port, process, log in zip(ports, processes, logs, strict=True):
            _wait_until_up(port, process, log, deadline)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        _forget_keys(prefix)


def _forget_keys(prefix: str) -> None:
    """The counters are kept without a timeout: this run's go, so Redis does not fill up."""
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=2)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def _badge(page: str) -> int:
    found = BADGE.search(page)
    assert found is not None, "no moderation badge on the page"
    return int(found.group(1))


def test_it_shares_logins_votes_and_moderation_between_two_app_servers(app_servers):
    one, two = app_servers
    team = TeamFactory(name="Front Desk", slug="front-desk")
    lead = UserFactory(username="lead", first_name="Leo")
    # The servers run the production settings, which know only production's hasher.
    hasher = PBKDF2PasswordHasher()
    lead.password = hasher.encode(PASSWORD, hasher.salt())
    lead.save(update_fields=["password"])
    MembershipFactory(user=lead, team=team, role="lead")
    today = team.today()
    published = StoryFactory(team=team, title="Kept the lift", happened_on=today)
    pending = StoryFactory(team=team, title="Found the keys", happened_on=today, status=Status.PENDING)
    month = current_month(team).strftime("%Y-%m")
    retro_page = f"/teams/{team.slug}/retros/{month}/"
    poll = f"/retros/live/{team.pk}/{month}/page/"
    person = Visitor()

    # A login through one server is a login on the other.
    person.get(one, "/accounts/login/")
    assert person.post(one, "/accounts/login/", {"username": "lead", "password": PASSWORD}) == 302
    assert Visitor().get(two, "/")[0] == 302  # a stranger is sent to the login page
    status, _headers, home = person.get(two, "/")
    assert status == 200
    assert _badge(home) == 1

    # A vote through one server is seen on the other, and its open pages' poll notices.
    _status, headers, _body = person.get(two, poll)
    before_vote = headers["ETag"]
    assert person.get(two, poll, **{"If-None-Match": before_vote})[0] == 304
    vote = f"/teams/{team.slug}/retros/{month}/stories/{published.pk}/vote/"
    assert person.post(one, vote, {}) in (200, 302, 303)
    assert "You have 2 of 3 votes left." in person.get(two, retro_page)[2]
    status, headers, _body = person.get(two, poll, **{"If-None-Match": before_vote})
    assert status == 200
    after_vote = headers["ETag"]
    assert after_vote != before_vote

    # A moderation decision through one server: the other shows the story, its badge and poll follow.
    assert "Found the keys" not in person.get(two, retro_page)[2]
    approve = f"/moderation/{pending.pk}/approve/"
    assert person.post(one, approve, {"expected_status": Status.PENDING}) in (302, 303)
    assert "Found the keys" in person.get(two, retro_page)[2]
    assert _badge(person.get(two, "/")[2]) == 0
    status, headers, _body = person.get(two, poll, **{"If-None-Match": after_vote})
    assert status == 200
    assert headers["ETag"] != after_vote
