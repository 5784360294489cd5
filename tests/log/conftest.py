"""Fixtures for rows the rules now refuse but an older database may still hold."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection


@pytest.fixture
def without_date_floor(db: Any) -> Iterator[None]:
    """Lets the test write stories dated before the floor, as rows written before the rule were."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = ON")
        else:
            # Rolled back with the test's transaction: PostgreSQL's DDL is transactional.
            cursor.execute("ALTER TABLE stories_story DROP CONSTRAINT story_happened_on_floor")
    yield
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA ignore_check_constraints = OFF")
