"""Login throttling for every way in through HTTP."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class ThrottledLoginBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for requests only.

    A login page always passes the request, so every one of them is throttled. Code that
    checks a password with no client behind it (a management command, a shell) has nobody
    to throttle, where axes would refuse to answer at all.
    """

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
