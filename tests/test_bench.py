"""`make bench` keeps working: its generator makes the data every measured page needs, and every
page answers as measured (the benchmark itself is too slow for the suite; this is its dry run)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from scripts.bench.generate import TEAMS, generate
from scripts.bench.run import bench_pages, count_queries
from stories.models import SequelLink, Story, Team
from tests.conftest import _reload_principle_catalogue

SIZE = 300


@pytest.fixture
def bench_settings(settings):
    settings.ROOT_URLCONF = "scripts.bench.urls"
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [settings.BASE_DIR / "scripts" / "bench" / "templates", *settings.TEMPLATES[0]["DIRS"]],
        },
    ]


# One test, because generating the data is most of its time.
def test_it_generates_the_data_and_every_page_answers_as_measured(db, bench_settings):
    generated = generate(SIZE, log=lambda *_: None)

    assert Story.objects.count() == SIZE
    assert Team.objects.count() == TEAMS
    assert generated["links"] == SequelLink.objects.count()
    # The big team holds about 14 % of the stories.
    assert 0.07 < Story.objects.filter(team__slug="team-000").count() / SIZE < 0.25
    pages = bench_pages()
    assert {"baseline", "story submit", "meeting mode", "members", "notifications"} <= set(pages)
    for name, page in pages.items():
        counted = count_queries(page)  # asserts the status: 200, or a submit's redirect
        assert counted.queries > 0, name
        assert counted.size > 0 or page.form, name
        assert counted.html == (name not in {"retro .md", "retro .csv"}), name
    search = pages["story list ?q=refund"]
    client = Client()
    client.force_login(search.user)
    assert re.search(r'<article class="story-card"', client.get(search.path).content.decode())


@pytest.mark.django_db(transaction=True)
def test_it_bulk_loads_outside_a_transaction_and_builds_every_index_again():
    """`make bench` on PostgreSQL drops the indexes no constraint needs, loads, and builds them
    again: the schema afterwards is the one the migrations made."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the bulk load is PostgreSQL's (SQLite inserts in batches)")
    _reload_principle_catalogue()  # an earlier transactional test may have flushed it

    def indexes() -> set[tuple[str, str]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)",
                [
                    [
                        "stories_story",
                        "stories_storyprinciple",
                        "stories_moderationevent",
                        "stories_sequellink",
                    ]
                ],
            )
            return set(cursor.fetchall())

    before = indexes()
    generate(SIZE, log=lambda *_: None)

    assert indexes() == before
    assert "story_search_document_idx" in {name for name, _definition in before}
    assert not Story.objects.filter(search_document__isnull=True).exists()
    assert Story.objects.count() == SIZE


def test_it_names_every_page_that_misses_a_target():
    from scripts.bench.report import _targets

    row = {"queries": 9, "server_ms": 10.0, "pct_of_baseline": 100, "p99_ms": 100.0, "kb": 10.0, "html": True}
    pages = {
        "fine": row,
        "slow": {**row, "pct_of_baseline": 49, "p99_ms": 500.0},
        "big": {**row, "kb": 300.1},
        "edge": {**row, "pct_of_baseline": 50, "p99_ms": 499.9, "kb": 300.0},
        "a big download": {**row, "kb": 707.1, "html": False},
    }
    lines = _targets({"size": 1000000, "pages": pages})
    assert lines[0].endswith("2 pages miss them.")
    assert "- slow: 49 % of the baseline's throughput, p99 500.0 ms" in lines
    assert "- big: 300.1 KB" in lines
    assert not [line for line in lines if line.startswith(("- fine", "- edge", "- a big download"))]
    assert _targets({"size": 10, "pages": {"fine": row}})[0].endswith("every page meets them.")
