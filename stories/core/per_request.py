"""Answers kept on the request's user object: `request.user` lives as long as its request, and a
page asks the same things of it many times (its roles, whether it moderates, its teams)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def kept_on_user(user: Any, name: str, compute: Callable[[], T]) -> T:
    """compute(), the first time this user object is asked `name`; the same answer after."""
    try:
        return getattr(user, name)  # type: ignore[no-any-return]
    except AttributeError:
        value = compute()
        setattr(user, name, value)
        return value
