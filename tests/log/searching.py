"""Searching the story list in tests: the titles found, best first."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

URL = "/stories/"

# For tests of what only PostgreSQL's full-text search does (stemming, ranking by weight, the index).
full_text_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's; SQLite searches substrings"
)


def found(client: Any, q: str, **params: str) -> list[str]:
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return [story.title for story in response.context["page"]]
