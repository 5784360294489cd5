"""Realistic benchmark data: SIZE stories over 24 months in 100 teams, one of them ~14 %.

Teams, people and memberships go through the ORM (a few thousand rows); stories, tags,
moderation events and sequel links are streamed with COPY on PostgreSQL and inserted in
batches on SQLite. The stored search documents and first-sequel dates are then filled by the
app's own functions (refresh_search_documents, refresh_sequel_dates) and the planner
statistics gathered.

Run outside a transaction on PostgreSQL (`make bench`), the load is a bulk load: the indexes no
constraint needs are dropped first and built again once the rows are in, foreign keys are not
checked row by row (the rows are made consistent here), and the search documents are filled on
two connections at once. That takes a million stories from about 6 minutes to under 3.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

TEAMS = 100
PEOPLE = 2000
MONTHS = 24
BIG_TEAM_SHARE = 0.14
PASSWORD = "bench-password"  # noqa: S105 - throwaway accounts in the benchmark database
WORDS = [
    "refund",
    "umbrella",
    "invoice",
    "parcel",
    "booking",
    "upgrade",
    "breakfast",
    "delay",
    "apology",
    "voucher",
    "queue",
    "receipt",
    "manager",
    "colleague",
    "wheelchair",
    "allergy",
    "luggage",
    "taxi",
    "shuttle",
    "charger",
    "printer",
    "password",
    "delivery",
    "return",
    "exchange",
    "warranty",
    "discount",
    "complaint",
    "compliment",
    "birthday",
]
NICKNAMES = ["the red-scarf lady", "Mr Umbrella", "the night owl", "the cyclist", "", "", "", ""]
BATCH = 5000


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _texts(rng: random.Random, words: int, count: int = 4096) -> list[str]:
    """Texts to draw from: making a million texts word by word was a third of the load."""
    return [_text(rng, words) for _ in range(count)]


def _team_weights() -> list[float]:
    rest = (1 - BIG_TEAM_SHARE) / (TEAMS - 1)
    return [BIG_TEAM_SHARE] + [rest] * (TEAMS - 1)


def make_people() -> dict[str, Any]:
    """Teams, people, memberships and the named accounts the benchmark signs in as."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from stories.models import Membership, Role, Team

    user_model = get_user_model()
    password = make_password(PASSWORD)
    teams = Team.objects.bulk_create(
        [Team(name=f"Team {n:03}", slug=f"team-{n:03}", moderation_mode="post") for n in range(TEAMS)]
    )
    users = user_model.objects.bulk_create(
        [
            user_model(username=f"person{n:04}", first_name=f"Person {n}", password=password)
            for n in range(PEOPLE)
        ]
    )
    memberships = []
    for n, user in enumerate(users):
        team = teams[0] if n < PEOPLE * BIG_TEAM_SHARE else teams[n % TEAMS]
        role = Role.LEAD if n % 20 == 0 else Role.MEMBER
        memberships.append(Membership(user=user, team=team, role=role))
    Membership.objects.bulk_create(memberships, ignore_conflicts=True)
    members: dict[int, list[int]] = {}
    for membership in Membership.objects.values("team_id", "user_id"):
        members.setdefault(membership["team_id"], []).append(membership["user_id"])
    return {"teams": [team.pk for team in teams], "members": members}


def story_rows(
    size: int, people: dict[str, Any], today: dt.date, seed: int = 15
) -> Iterator[tuple[Any, ...]]:
    rng = random.Random(seed)
    teams = people["teams"]
    weights = _team_weights()
    start = today - dt.timedelta(days=MONTHS * 30)
    span = (today - start).days
    titles, accounts, lessons = _texts(rng, 5), _texts(rng, 40), _texts(rng, 12)
    chosen = rng.choices(teams, weights=weights, k=size)
    for n, team_id in enumerate(chosen):
        happened = start + dt.timedelta(days=rng.randrange(span))
        created = dt.datetime.combine(happened, dt.time(9), tzinfo=dt.UTC) + dt.timedelta(seconds=n % 36000)
        roll = rng.random()
        status = "published" if roll < 0.93 else ("pending" if roll < 0.97 else "hidden")
        kind = "good" if rng.random() < 0.7 else "bad"
        yield (
            team_id,
            rng.choice(people["members"][team_id]),
            kind,
            "gave" if rng.random() < 0.7 else "received",
            rng.choice(titles)[:120],
            rng.choice(accounts),
            rng.choice(lessons),
            happened,
            rng.choice(["in_person", "phone", "email", "chat"]),
            kind == "good" and rng.random() < 0.15,
            "",
            rng.choice(NICKNAMES),
            rng.random() < 0.1,
            status,
            "",
            created,
            created,
            created if status == "published" else None,
        )


STORY_COLUMNS = [
    "team_id",
    "author_id",
    "kind",
    "perspective",
    "title",
    "what_happened",
    "lesson",
    "happened_on",
    "channel",
    "went_beyond",
    "cost_note",
    "client_nickname",
    "anonymous",
    "status",
    "status_reason",
    "created_at",
    "updated_at",
    "published_at",
]


def _copy(cursor: Any, table: str, columns: list[str], rows: Iterator[tuple[Any, ...]], vendor: str) -> None:
    if vendor == "postgresql":
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608 - our own names
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            cursor.executemany(sql, batch)
            batch.clear()
    if batch:
        cursor.executemany(sql, batch)


LOADED_TABLES = ["stories_story", "stories_storyprinciple", "stories_moderationevent", "stories_sequellink"]


def generate(size: int, log: Any = print) -> dict[str, Any]:
    from django.db import connection, transaction

    from stories.apps import optimize_sqlite
    from stories.karma.models import refresh_sequel_dates
    from stories.models import Principle, SequelLink, Story

    began = time.monotonic()

    def done(what: str) -> None:
        log(f"  {what} in {time.monotonic() - began:.0f} s")

    today = dt.date.today()
    vendor = connection.vendor
    bulk = vendor == "postgresql" and not connection.in_atomic_block
    rng = random.Random(16)
    with transaction.atomic():
        people = make_people()
    with _without_secondary_indexes(LOADED_TABLES) if bulk else nullcontext():
        with transaction.atomic():
            raw = connection.connection if vendor == "postgresql" else connection.cursor().cursor
            cursor = raw.cursor() if vendor == "postgresql" else raw
            if bulk and _is_superuser():
                # Foreign keys are checked at commit, row by row (millions of lookups); these
                # rows are made consistent here, so this transaction skips the checks.
                cursor.execute("SET LOCAL session_replication_role = replica")
            _copy(cursor, "stories_story", STORY_COLUMNS, story_rows(size, people, today), vendor)
            done(f"{size} stories")
            principle_ids = list(Principle.objects.values_list("pk", flat=True))
            first, last = (
                Story.objects.order_by("pk").values_list("pk", flat=True)[0],
                Story.objects.latest("pk").pk,
            )

            def tags() -> Iterator[tuple[Any, ...]]:
                for story_id in range(first, last + 1):
                    for principle_id in rng.sample(principle_ids, 2):
                        yield (story_id, principle_id, "honoured" if rng.random() < 0.7 else "broken")

            _copy(cursor, "stories_storyprinciple", ["story_id", "principle_id", "verdict"], tags(), vendor)

            def events() -> Iterator[tuple[Any, ...]]:
                now = dt.datetime.now(dt.UTC)
                for story_id in range(first, last + 1, 3):
                    yield (story_id, "submit", "", "published", "", now)

            _copy(
                cursor,
                "stories_moderationevent",
                ["story_id", "action", "from_status", "to_status", "reason", "created_at"],
                events(),
                vendor,
            )
            done("tags and events")
        # COPY skips the models' saves: fill the stored search documents as the app would.
        _fill_search_documents(first, last, connections=2 if bulk else 1)
        done("search documents")
    done("indexes")
    with transaction.atomic():
        # Sequels: about 2 % of stories follow an earlier published story of their team.
        pairs = _sequel_pairs(size, rng)
        _copy(
            connection.connection.cursor() if vendor == "postgresql" else connection.cursor().cursor,
            "stories_sequellink",
            ["original_id", "sequel_id", "outcome", "created_at"],
            (
                (o, s, rng.choice(["returned", "referral", "thanks", "other"]), dt.datetime.now(dt.UTC))
                for o, s in pairs
            ),
            vendor,
        )
        refresh_sequel_dates(SequelLink.objects.values("original_id"))
        done("sequels")
        _close_retros(people, today)
        done("closed retros")
    if vendor == "postgresql":
        with connection.cursor() as analyze:
            # After a bulk load, VACUUM too: the search documents' UPDATE left a dead copy of
            # every story, which autovacuum would otherwise clean up during the measurements.
            analyze.execute(f"VACUUM ANALYZE {', '.join(LOADED_TABLES)}" if bulk else "ANALYZE")
    optimize_sqlite(analyze=True)
    # The rows were written behind the app's back (COPY): figures or badges cached for an
    # earlier database under the same team and person ids must not be served for this one.
    from django.core.cache import cache

    cache.clear()
    elapsed = time.monotonic() - began
    log(f"  generated {size} stories in {elapsed:.0f} s")
    return {"seconds": round(elapsed, 1), "stories": size, "links": len(pairs)}


def _is_superuser() -> bool:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        return bool(cursor.fetchone()[0])


@contextmanager
def _without_secondary_indexes(tables: list[str]) -> Iterator[None]:
    """Drop the tables' indexes that no constraint owns, and build them again on leaving.

    Building an index once over a million rows is many times cheaper than keeping it current
    through a million inserts and then a million updates.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT index.indexrelid::regclass::text, pg_get_indexdef(index.indexrelid)
            FROM pg_index AS index
            WHERE index.indrelid = ANY(%s::regclass[]) AND NOT index.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = index.indexrelid)
            """,
            [tables],
        )
        dropped = cursor.fetchall()
        for name, _definition in dropped:
            cursor.execute(f"DROP INDEX {name}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '256MB'")
            for _name, definition in dropped:
                cursor.execute(definition)
            cursor.execute("RESET maintenance_work_mem")


def _fill_search_documents(first: int, last: int, connections: int) -> None:
    """refresh_search_documents over the ids first..last, split between `connections` threads."""
    from django.db import connection

    from stories.log.search import refresh_search_documents
    from stories.models import Story

    if connections == 1:
        refresh_search_documents(Story.objects.filter(pk__range=(first, last)))
        return
    step = (last - first) // connections + 1
    failures: list[BaseException] = []

    def fill(low: int) -> None:
        try:
            refresh_search_documents(Story.objects.filter(pk__range=(low, min(last, low + step - 1))))
        except BaseException as failure:  # re-raised below, in the caller's thread
            failures.append(failure)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=fill, args=(low,)) for low in range(first, last + 1, step)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


def _sequel_pairs(size: int, rng: random.Random) -> list[tuple[int, int]]:
    from stories.models import Story

    rows = list(
        Story.objects.filter(status="published", pk__in=[rng.randrange(1, size) for _ in range(size // 25)])
        .order_by("team_id", "happened_on", "pk")
        .values_list("team_id", "pk")
    )
    pairs = []
    for (team_a, earlier), (team_b, later) in itertools.pairwise(rows):
        if team_a == team_b and earlier != later and rng.random() < 0.5:
            pairs.append((earlier, later))
    return pairs


def _close_retros(people: dict[str, Any], today: dt.date) -> None:
    """Close the retros of the months before the last three, in the ten largest teams."""
    from stories.karma.figures import month_section
    from stories.models import Retro, Team
    from stories.retros.figures import month_figures
    from stories.retros.snapshots import snapshot_of

    month = today.replace(day=1)
    for team in Team.objects.filter(pk__in=people["teams"][:10]):
        for back in range(4, 12):
            year, index = divmod(month.year * 12 + month.month - 1 - back, 12)
            start = dt.date(year, index + 1, 1)
            retro = Retro.objects.create(team=team, month=start)
            snapshot = snapshot_of(month_figures(team, start, retro), month_section(team, start))
            retro.close(by=_user(people["members"][team.pk][0]), snapshot=snapshot)


def _user(pk: int) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=pk)
