"""`make loadtest`: 60 s of people logging stories while PostgreSQL restarts under them.

It starts its own throwaway PostgreSQL 15 cluster (initdb in a temporary folder, another
port: the machine's own server is never touched), migrates it, seeds a team of 55, serves
the app with gunicorn under production settings (DEBUG off), and for DURATION seconds has
WRITERS people logging stories through the real form (its one-time token; a failed send is
sent again with the same token, as a person pressing the button again would) while READERS
people read retros and a prober asks /healthz. Half-way through, PostgreSQL restarts.

It prints requests, errors by status, stories acknowledged against stories in the database
(must be equal), duplicates (must be 0), the longest outage any client saw, and how /healthz
answered during the outage (503 with Retry-After, never slower than 5 s). Exit status 1 if a
story was lost or doubled, or /healthz hung. Everything it started is stopped and removed.

    make loadtest            # or: .venv/bin/python scripts/loadtest.py --duration 60
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PASSWORD = "load-test-password"
HEALTHZ_LIMIT = 5.0
SEED = """
import json
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from stories.models import Membership, Principle, Team
team = Team.objects.create(name="Load Desk", slug="load-desk", moderation_mode="post")
hashed = make_password({password!r})  # hashed once: 55 slow hashes would only slow the seed
users = User.objects.bulk_create(
    [User(username=f"writer{{n}}", password=hashed) for n in range({writers})]
    + [User(username=f"reader{{n}}", password=hashed) for n in range({readers})]
)
Membership.objects.bulk_create([Membership(team=team, user=user) for user in users])
# Signed in ahead, as people arriving with a session: 55 password checks at once would
# measure the hasher, not the restart.
sessions = {{}}
for user in User.objects.filter(pk__in=[user.pk for user in users]):
    store = SessionStore()
    store.update({{"_auth_user_id": str(user.pk), "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
                  "_auth_user_hash": user.get_session_auth_hash()}})
    store.create()
    sessions[user.username] = store.session_key
print(json.dumps({{"team": team.pk, "principle": Principle.objects.order_by("position").first().pk,
                  "today": str(team.today()), "month": f"{{team.today():%Y-%m}}", "sessions": sessions}}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A PostgreSQL cluster of our own, run as the postgres user when we are root (initdb refuses root)."""

    def __init__(self, folder: Path) -> None:
        self.data = folder / "pgdata"
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _pg(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.as_user, *args], capture_output=True, text=True, check=check)

    def start(self) -> None:
        self.data.parent.chmod(0o755)
        self.data.mkdir()
        if self.as_user:
            shutil.chown(self.data, "postgres", "postgres")
        self._pg(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.data} "
            "-c max_connections=200 -c fsync=off -c full_page_writes=off"
        )
        self._pg(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.data / "log"),
            "-w",
            "start",
        )
        self._pg(
            str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "loadtest"
        )

    def restart(self) -> None:
        # "fast": sessions are cut off at once, as in a real failover or a package upgrade.
        # With its log file named again: else the new server would hold our output pipes open.
        self._pg(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.data / "log"),
            "-m",
            "fast",
            "-w",
            "restart",
        )

    def stop(self) -> None:
        if self.data.exists():
            self._pg(
                str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False
            )

    def query(self, sql: str) -> str:
        return self._pg(
            str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "loadtest",
            "-At", "-c", sql,
        ).stdout.strip()  # fmt: skip


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0
        self.by_status: collections.Counter[str] = collections.Counter()
        self.acknowledged: dict[str, int] = {}
        self.unfinished = 0
        self.longest_outage = 0.0
        self.health: list[tuple[float, int, str | None, float]] = []

    def count(self, status: str) -> None:
        with self.lock:
            self.requests += 1
            self.by_status[status] += 1


class Browser:
    """One person's keep-alive connection and cookies; every failure is a status string, never an exception."""

    def __init__(self, port: int, stats: Stats) -> None:
        self.port, self.stats = port, stats
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None
        self.failing_since: float | None = None

    def request(
        self, method: str, path: str, form: dict[str, Any] | None = None
    ) -> tuple[int, str, dict[str, str]]:
        body = urlencode(form, doseq=True) if form is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Host": "127.0.0.1"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            self.connection = None
            self._record(type(error).__name__, failed=True)
            return 0, "", {}
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        status = response.status
        self._record(str(status), failed=status >= 500)
        return status, text, {k.lower(): v for k, v in response.getheaders()}

    def _record(self, status: str, *, failed: bool) -> None:
        self.stats.count(status)
        now = time.monotonic()
        if failed and self.failing_since is None:
            self.failing_since = now
        elif not failed and self.failing_since is not None:
            with self.stats.lock:
                self.stats.longest_outage = max(self.stats.longest_outage, now - self.failing_since)
            self.failing_since = None

    def sign_in(self, seed: dict[str, Any], username: str) -> None:
        self.cookies["sessionid"] = seed["sessions"][username]


TOKEN = re.compile(r'name="(csrfmiddlewaretoken|submission_token)" value="([^"]+)"')


def writer(
    number: int, port: int, seed: dict[str, Any], stats: Stats, stop_at: float, give_up_at: float
) -> None:
    browser = Browser(port, stats)
    browser.sign_in(seed, f"writer{number}")
    story = 0
    while time.monotonic() < stop_at:
        status, page, _ = browser.request("GET", "/stories/new/")
        tokens = dict(TOKEN.findall(page)) if status == 200 else {}
        if "submission_token" not in tokens:
            time.sleep(0.5)
            continue
        story += 1
        title = f"Load writer {number} story {story} {uuid.uuid4().hex[:8]}"
        form = {
            "csrfmiddlewaretoken": tokens["csrfmiddlewaretoken"], "submission_token": tokens["submission_token"],
            "team": seed["team"], "kind": "good", "perspective": "gave", "title": title,
            "what_happened": "A guest's booking was lost; we found a room and walked them to it.",
            "lesson": "", "principles": [seed["principle"]], "happened_on": seed["today"],
            "channel": "in_person", "client_nickname": "", "cost_note": "", "sequel_outcome": "",
        }  # fmt: skip
        # Sent again with the same token until the app says where the story is, as a person would.
        while True:
            status, _, headers = browser.request("POST", "/stories/new/", form)
            location = headers.get("location", "")
            if status == 302 and re.fullmatch(r"/stories/\d+/", location):
                with stats.lock:
                    stats.acknowledged[title] = int(location.split("/")[2])
                break
            if time.monotonic() > give_up_at:
                with stats.lock:
                    stats.unfinished += 1
                return
            time.sleep(0.5)


def reader(number: int, port: int, seed: dict[str, Any], stats: Stats, stop_at: float) -> None:
    browser = Browser(port, stats)
    browser.sign_in(seed, f"reader{number}")
    pages = ["/teams/load-desk/retros/", f"/teams/load-desk/retros/{seed['month']}/", "/stories/"]
    while time.monotonic() < stop_at:
        for path in pages:
            browser.request("GET", path)
        time.sleep(0.2)


def prober(port: int, stats: Stats, stop_at: float) -> None:
    while time.monotonic() < stop_at:
        started = time.monotonic()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=HEALTHZ_LIMIT + 5)
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            status, retry_after = response.status, response.getheader("Retry-After")
            connection.close()
        except (OSError, http.client.HTTPException):
            status, retry_after = 0, None
        stats.health.append((started, status, retry_after, time.monotonic() - started))
        time.sleep(0.25)


def run(duration: float, writers: int, readers: int) -> int:
    folder = Path(tempfile.mkdtemp(prefix="retro-loadtest-"))
    cluster = Cluster(folder)
    server: subprocess.Popen[bytes] | None = None
    try:
        print(f"PostgreSQL 15: a throwaway cluster in {folder} on port {cluster.port}", flush=True)
        cluster.start()
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{cluster.port}/loadtest",
            "LOG_LEVEL": "CRITICAL",
        }
        manage = [str(PYTHON), "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        seed_code = SEED.format(password=PASSWORD, writers=writers, readers=readers)
        seeded = subprocess.run(
            [*manage, "shell", "-c", seed_code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )
        seed = json.loads(seeded.stdout.strip().splitlines()[-1])
        port = free_port()
        server_log = (folder / "server.log").open("wb")
        server = subprocess.Popen(
            [str(GUNICORN), "service_retro.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "3",
             "--worker-class", "gthread", "--threads", "8", "--timeout", "60", "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=server_log, stderr=server_log,
        )  # fmt: skip
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        print(
            f"gunicorn on port {port}: {writers} writers and {readers} readers for {duration:.0f} s",
            flush=True,
        )
        stats = Stats()
        start = time.monotonic()
        stop_at, give_up_at = start + duration, start + duration + 30
        threads = [
            threading.Thread(target=writer, args=(n, port, seed, stats, stop_at, give_up_at))
            for n in range(writers)
        ]
        threads += [
            threading.Thread(target=reader, args=(n, port, seed, stats, stop_at)) for n in range(readers)
        ]
        threads.append(threading.Thread(target=prober, args=(port, stats, stop_at)))
        for thread in threads:
            thread.start()
        time.sleep(duration / 2)
        outage_start = time.monotonic()
        print(f"{outage_start - start:.0f} s: restarting PostgreSQL", flush=True)
        cluster.restart()
        outage_end = time.monotonic()
        print(
            f"{outage_end - start:.0f} s: PostgreSQL is back after {outage_end - outage_start:.1f} s",
            flush=True,
        )
        for thread in threads:
            thread.join()
        result = report(stats, cluster, outage_start, outage_end)
        if result:
            print(
                "\nThe server's log, last lines:\n"
                + "".join((folder / "server.log").read_text().splitlines(True)[-25:])
            )
        return result
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def report(stats: Stats, cluster: Cluster, outage_start: float, outage_end: float) -> int:
    in_database = int(cluster.query("SELECT count(*) FROM stories_story WHERE title LIKE 'Load writer %'"))
    duplicates = int(
        cluster.query(
            "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM stories_story "
            "WHERE title LIKE 'Load writer %' GROUP BY author_id, title) AS t"
        )
    )
    acknowledged_ids = set(stats.acknowledged.values())
    stored_ids = {
        int(pk)
        for pk in cluster.query("SELECT id FROM stories_story WHERE title LIKE 'Load writer %'").split()
    }
    lost = len(acknowledged_ids - stored_ids)
    # The window in which PostgreSQL was away, plus the seconds the app took to notice it was back.
    during = [h for h in stats.health if outage_start - 1 <= h[0] <= outage_end + 2]
    bad_health = [h for h in during if h[1] == 503 and not h[2]]
    slowest = max((h[3] for h in during), default=0.0)
    slowest_overall = max((h[3] for h in stats.health), default=0.0)
    errors = {status: n for status, n in sorted(stats.by_status.items()) if not status.startswith(("2", "3"))}
    print()
    print(f"requests:                    {stats.requests}")
    print(f"responses by status:         {dict(sorted(stats.by_status.items()))}")
    print(f"errors by status:            {errors or 'none'}")
    print(f"stories acknowledged:        {len(stats.acknowledged)}")
    print(f"stories in the database:     {in_database}")
    print(f"acknowledged but lost:       {lost}")
    print(f"duplicates:                  {duplicates}")
    print(f"sends unfinished at the end: {stats.unfinished}")
    print(f"PostgreSQL restart took:     {outage_end - outage_start:.1f} s")
    print(f"longest outage for a client: {stats.longest_outage:.1f} s")
    health_codes = dict(collections.Counter(h[1] for h in during))
    print(
        f"/healthz during the outage:  {health_codes} ({len(during)} probes; 503 without Retry-After: {len(bad_health)})"
    )
    print(f"/healthz slowest, outage:    {slowest:.2f} s (limit {HEALTHZ_LIMIT:.0f} s)")
    # Outside the outage a slow answer is a busy machine (the probe queues behind 55 people), not a hang.
    print(f"/healthz slowest, whole run: {slowest_overall:.2f} s")
    ok = (
        lost == 0
        and duplicates == 0
        and in_database == len(stats.acknowledged)
        and not bad_health
        and slowest <= HEALTHZ_LIMIT
        and stats.unfinished == 0
    )
    print("RESULT: " + ("OK, nothing lost, nothing doubled" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    # Stopped from outside (Ctrl-C, a timeout): still stop the server and the cluster, remove the folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--readers", type=int, default=5)
    arguments = parser.parse_args()
    sys.exit(run(arguments.duration, arguments.writers, arguments.readers))
