"""The URL walk itself: every URL of the project is filled from the world and answers."""

from __future__ import annotations

from typing import Any

import pytest

from tests.url_walk import HTMX, build_world, client_for, url_cases


@pytest.fixture
def world(db: Any) -> Any:
    return build_world()


def test_it_fills_every_url_of_the_project(world: Any) -> None:
    names = {case.name for case in url_cases(world)}
    # A few that must be there whatever the layout: the walk really reads the resolver.
    assert {
        "story_detail",
        "retro_detail",
        "retro_markdown",
        "retro_csv",
        "karma",
        "moderation_queue",
    } <= names
    assert "login" not in names and not any(name.startswith("admin:") for name in names)


def test_it_reads_the_methods_and_htmx_of_each_view(world: Any) -> None:
    cases = {case.name: case for case in url_cases(world)}
    assert cases["story_detail"].methods == {"GET", "HEAD"}
    assert cases["retro_vote"].methods == {"POST"}
    assert cases["story_edit"].methods == {"GET", "POST"}
    assert cases["retro_detail"].htmx and cases["retro_vote"].htmx
    assert not cases["retro_csv"].htmx


def test_it_shows_every_page_to_the_superuser_but_the_authors_own(world: Any) -> None:
    """The world really holds what each page needs: its pages open, not a 404 on a wrong id."""
    own = {"story_edit": "author"}
    for case in url_cases(world):
        if not case.reads:
            continue
        client = client_for(world, own.get(case.name, "superuser"))
        for headers in ({}, HTMX) if case.htmx else ({},):
            response = client.get(case.url, **headers)
            assert response.status_code in {200, 302}, (case.name, headers, response.status_code)
