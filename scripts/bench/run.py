"""`make bench SIZE=…`: generate data, serve it with gunicorn, measure every page against a baseline.

    .venv/bin/python scripts/bench/run.py --size 10000
    BENCH_DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python scripts/bench/run.py --size 10000
    BENCH_REDIS_URL=redis://127.0.0.1:6379/13 …   # the shared cache (default: database 14)

The database is the benchmark's own (`bench_service_retro` on the local PostgreSQL unless
BENCH_DATABASE_URL says otherwise): it is dropped and created again. Each page is measured
in rounds that alternate the baseline page and that page under the same load, so a busy
machine slows both alike; the table reports each page against the baseline of its own rounds.
Writes docs/benchmarks.md and bench-results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_service_retro"
PORT = 8765


class Page(NamedTuple):
    """A page to measure: GET `path` as `user`, or POST the body `form()` makes (a new one each time)."""

    path: str
    user: Any
    form: Callable[[], dict[str, str]] | None = None


def _environment(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "scripts.bench.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "PYTHONPATH": str(ROOT),
        # Production's topology: the app servers share one Redis (figures, badges, live stamps),
        # so a figure computed by one worker is served by the other. Its own database number,
        # since generating the data empties it; BENCH_REDIS_URL= (empty) keeps each worker's own.
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
    }


def _recreate_database(url: str) -> None:
    if not url.startswith("postgres"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    if not name.startswith("bench_"):
        raise SystemExit(f"Refusing to drop {name!r}: the benchmark's database name starts with bench_.")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _prepare(size: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command

    from scripts.bench.generate import generate

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # production settings: hashed files
    made = generate(size)
    return {"generated": made, "pages": bench_pages()}


def bench_pages() -> dict[str, Page]:
    """Every page the benchmark measures, on the generated data, each as the person who uses it."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from stories.models import Story, Team

    users = get_user_model().objects
    lead = users.get(username="person0000")  # lead of the big team
    member = users.get(username="person0001")
    moderator = users.get(username="person0002")
    moderator.user_permissions.add(Permission.objects.get(codename="moderate_story"))
    team = Team.objects.get(slug="team-000")
    month = (team.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    linked = Story.objects.filter(team=team, status="published", first_sequel_on__isnull=False).first()
    story = linked or Story.objects.filter(team=team, status="published").first()
    assert story is not None
    this_month = team.today().strftime("%Y-%m")
    retro = f"/teams/{team.slug}/retros/{month}"
    pages = {
        "baseline": Page("/bench/baseline/", member),
        "dashboard": Page("/", member),
        "story list": Page("/stories/", member),
        "story list ?q=refund": Page("/stories/?q=refund", member),
        "story list, page 10": Page("/stories/?page=10", member),
        "story detail": Page(f"/stories/{story.pk}/", member),
        "story form": Page("/stories/new/", member),
        "story submit": Page("/stories/new/", member, _story_form(team)),
        "retro list": Page(f"/teams/{team.slug}/retros/", member),
        "retro month": Page(f"{retro}/", member),
        "retro quarter": Page(f"{retro}/quarter/", member),
        "retro .md": Page(f"{retro}.md", member),
        "retro .csv": Page(f"{retro}.csv", member),
        "meeting mode": Page(f"/teams/{team.slug}/retros/{this_month}/run/top/", lead),
        "trends, 36 months": Page(f"/teams/{team.slug}/trends/?months=36", member),
        "karma": Page(f"/teams/{team.slug}/karma/", member),
        "moderation queue": Page("/moderation/", lead),
        "members": Page(f"/teams/{team.slug}/members/", lead),
        "notifications": Page("/notifications/", member),
        "cross-team": Page(f"/retros/{month}/", moderator),
    }
    return pages


DIGITS_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def _story_form(team: Any) -> Callable[[], dict[str, str]]:
    """A new, valid story each call: a fresh title and submission token, so neither the one-time
    token nor the duplicate check turns the POST into a redirect to an earlier story."""
    from stories.log.forms import verdict_field_name
    from stories.models import Principle

    principle = Principle.objects.order_by("pk").first()
    assert principle is not None
    day = (team.today() - dt.timedelta(days=1)).isoformat()

    def form() -> dict[str, str]:
        unique = uuid.uuid4()
        # Letters only: a run of digits in the text can read as a phone or card number, and
        # the personal-data guard would then (rightly) show the form again instead of saving.
        tag = unique.hex.translate(DIGITS_AS_LETTERS)
        return {
            "team": str(team.pk),
            "kind": "good",
            "perspective": "gave",
            "title": f"Bench story {tag[:12]}",
            "what_happened": f"A client asked for help after closing and we stayed on ({tag}).",
            "lesson": "Stay ten minutes when it matters.",
            "happened_on": day,
            "channel": "in_person",
            "principles": str(principle.pk),
            verdict_field_name(principle): "honoured",
            "submission_token": str(unique),
        }

    return form


def _session_cookie(user: Any) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


class Counted(NamedTuple):
    queries: int
    size: int  # bytes of the response's body
    html: bool  # a page, not an export (a download is held to no page size)


def count_queries(page: Page) -> Counted:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(page.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(page.path, page.form()) if page.form else client.get(page.path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == _expected_status(page), (page.path, response.status_code)
    html = response.get("Content-Type", "").startswith("text/html")
    return Counted(len(queries.captured_queries), len(body), html)


def _expected_status(page: Page) -> int:
    return 302 if page.form else 200  # a saved story redirects to its page


CSRF_TOKEN = "b" * 32  # the unmasked secret is a valid form token when it matches the cookie


def _request(conn: http.client.HTTPConnection, page: Page, cookie: str) -> float:
    headers = {"Cookie": f"sessionid={cookie}; csrftoken={CSRF_TOKEN}", "Host": "127.0.0.1"}
    body = None
    if page.form:
        body = urllib.parse.urlencode({**page.form(), "csrfmiddlewaretoken": CSRF_TOKEN})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    began = time.perf_counter()
    conn.request("POST" if page.form else "GET", page.path, body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    if response.status != _expected_status(page):
        raise RuntimeError(f"{page.path}: HTTP {response.status}")
    return (time.perf_counter() - began) * 1000


def _load(page: Page, cookie: str, clients: int, seconds: float) -> list[float]:
    """`clients` keep-alive connections requesting the page for `seconds`; every latency in ms."""
    latencies: list[float] = []
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        mine = []
        while time.perf_counter() < stop:
            mine.append(_request(conn, page, cookie))
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def _serial_ms(page: Page, cookie: str, repeat: int) -> float:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    _request(conn, page, cookie)  # warm
    times = [_request(conn, page, cookie) for _ in range(repeat)]
    conn.close()
    return statistics.median(times)


def _p99(latencies: list[float]) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def _measure(pages: dict[str, Page], cookies: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    baseline = pages["baseline"]
    base_cookie = cookies[baseline.user.username]
    results: dict[str, Any] = {}
    for name, page in pages.items():
        cookie = cookies[page.user.username]
        page_lat: list[float] = []
        base_lat: list[float] = []
        for _round in range(args.rounds):
            base_lat += _load(baseline, base_cookie, args.clients, args.seconds)
            page_lat += _load(page, cookie, args.clients, args.seconds)
        page_rps = len(page_lat) / (args.rounds * args.seconds)
        base_rps = len(base_lat) / (args.rounds * args.seconds)
        results[name] = {
            "server_ms": round(_serial_ms(page, cookie, args.repeat), 1),
            "baseline_ms": round(_serial_ms(baseline, base_cookie, args.repeat), 1),
            "rps": round(page_rps, 1),
            "baseline_rps": round(base_rps, 1),
            "pct_of_baseline": round(100 * page_rps / base_rps) if base_rps else None,
            "p99_ms": round(_p99(page_lat), 1),
        }
        print(f"  {name:<22} {results[name]}", flush=True)
    return results


def _start_gunicorn(env: dict[str, str], workers: int) -> subprocess.Popen[bytes]:
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [gunicorn, "service_retro.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{PORT}"]
    command += ["--chdir", str(ROOT), "--keep-alive", "30", "--log-level", "warning"]
    server = subprocess.Popen(command, env=env)  # noqa: S603 - our own command line
    for _attempt in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/healthz")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--seconds", type=float, default=3.0, help="length of each load phase")
    parser.add_argument("--rounds", type=int, default=2, help="baseline/page alternations per page")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=9, help="serial requests for server_ms")
    parser.add_argument("--out", default=str(ROOT))
    args = parser.parse_args()
    began = time.monotonic()

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    if url == "sqlite":
        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    env = _environment(url)
    os.environ.update(env)
    _recreate_database(url)
    print(f"Generating {args.size} stories in {url.rsplit('/', 1)[-1]}…", flush=True)
    prepared = _prepare(args.size)
    pages = prepared["pages"]
    counts = {name: count_queries(page) for name, page in pages.items()}
    cookies = {page.user.username: _session_cookie(page.user) for page in pages.values()}
    from django.db import connections

    connections.close_all()
    server = _start_gunicorn(env, args.workers)
    try:
        results = _measure(pages, cookies, args)
    finally:
        server.terminate()
        server.wait(timeout=30)
    for name, counted in counts.items():
        results[name].update(queries=counted.queries, kb=round(counted.size / 1024, 1), html=counted.html)
    generated = {**prepared["generated"], "run_seconds": round(time.monotonic() - began)}
    _write(args, url, generated, results)


def _write(args: argparse.Namespace, url: str, generated: dict[str, Any], results: dict[str, Any]) -> None:
    from scripts.bench.report import write_report

    engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.python_implementation()} {platform.python_version()}"
    write_report(Path(args.out), args, engine, machine, generated, results)


if __name__ == "__main__":
    main()
