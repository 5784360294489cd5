"""Measure what the main pages cost: SQL queries and server time, on demo data plus N stories.

    .venv/bin/python scripts/measure_pages.py --extra 2000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/retro_measure .venv/bin/python scripts/measure_pages.py

It builds its own database (a throwaway SQLite file unless DATABASE_URL is set; that
database is dropped and recreated), loads the demo, adds N published stories to Front Desk
spread over the last 12 months, and requests each page as `lead` several times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", type=int, default=2000, help="published stories to add to Front Desk")
    parser.add_argument("--repeat", type=int, default=7, help="requests per page; the median is reported")
    args = parser.parse_args()

    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/measure.sqlite3")
    _recreate_postgresql_database(os.environ["DATABASE_URL"])
    os.environ["DEBUG"] = "1"
    os.environ["DJANGO_SETTINGS_MODULE"] = "service_retro.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    _add_stories(args.extra)

    from django.contrib.auth import get_user_model

    from stories.models import Story, Team

    lead = get_user_model().objects.get(username="lead")
    team = Team.objects.get(slug="front-desk")
    last_month = (team.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    story = Story.objects.filter(team=team).published().first()
    assert story is not None
    client = Client()
    client.force_login(lead)
    pages = [
        "/",
        "/stories/",
        "/stories/?kind=bad&principle=empathy",
        f"/stories/{story.pk}/",
        "/stories/new/",
        "/teams/front-desk/retros/",
        f"/teams/front-desk/retros/{last_month}/",
        f"/teams/front-desk/retros/{last_month}.md",
        f"/teams/front-desk/retros/{last_month}.csv",
        "/teams/front-desk/trends/",
        "/teams/front-desk/trends/?months=36",
        "/teams/front-desk/karma/",
        "/moderation/",
    ]
    published = Story.objects.filter(team=team).published().count()
    print(
        f"{connection.vendor}: Front Desk has {published} published stories ({args.extra} added to the demo)"
    )
    print(f"{'page':45} {'status':>6} {'queries':>7} {'median ms':>9}")
    for url in pages:
        timings = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
        print(f"{url:45} {response.status_code:>6} {len(queries):>7} {statistics.median(timings):>9.1f}")


def _recreate_postgresql_database(url: str) -> None:
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def _add_stories(count: int) -> None:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from stories.models import (
        Channel,
        Kind,
        Perspective,
        Principle,
        Status,
        Story,
        StoryPrinciple,
        Team,
        Verdict,
    )

    rng = random.Random(7)
    team = Team.objects.get(slug="front-desk")
    authors = list(get_user_model().objects.filter(memberships__team=team))
    principles = list(Principle.objects.all())
    today = team.today()
    stories = Story.objects.bulk_create(
        Story(
            team=team,
            author=rng.choice(authors),
            kind=rng.choice(Kind.values),
            perspective=rng.choice(Perspective.values),
            channel=rng.choice(Channel.values),
            title=f"Measured story {n}",
            what_happened="A customer needed help and we helped, or did not.",
            happened_on=today - dt.timedelta(days=rng.randrange(365)),
            status=Status.PUBLISHED,
            published_at=timezone.now(),
            went_beyond=rng.random() < 0.1,
        )
        for n in range(count)
    )
    StoryPrinciple.objects.bulk_create(
        StoryPrinciple(story=story, principle=principle, verdict=rng.choice(Verdict.values))
        for story in stories
        for principle in rng.sample(principles, 2)
    )


if __name__ == "__main__":
    main()
