"""Small helpers shared by the retro tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

HTMX = {"HTTP_HX_REQUEST": "true"}


def month_url(name: str, team: Any, month: dt.date, **kwargs: Any) -> str:
    return reverse(name, kwargs={"slug": team.slug, "month": month, **kwargs})


def is_login_redirect(response: Any) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))
