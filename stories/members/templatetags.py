"""A row of the members table, drawn once per app server for the same member and the same rights."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.timezone import localtime

from stories.core.fragments import rendered_once
from stories.models import Membership, Role, Team

register = template.Library()


@register.simple_tag(takes_context=True)
def member_row(context: dict[str, Any], membership: Membership, team: Team, manages: bool) -> SafeString:
    """Fifty rows with two forms each took the template engine two thirds of the page's time."""
    user = membership.user
    row = {
        "pk": membership.pk,
        "team": team.slug,
        "name": user.get_full_name() or user.get_username(),
        "username": user.get_username(),
        "email": user.email,
        "role": membership.role,
        "role_label": membership.get_role_display(),
        "last_story": _moment(getattr(membership, "last_story_at", None)),
        "last_login": _moment(user.last_login),
        "manages": manages,
    }
    return rendered_once(
        "members/_member_row.html",
        row,
        lambda: {"m": row, "roles": Role.choices},
        csrf_token=context.get("csrf_token"),
    )


def _moment(value: dt.datetime | None) -> dict[str, str] | None:
    """The moment in the page's time zone, as `{{ value|date:… }}` would write it."""
    if value is None:
        return None
    local = localtime(value)
    return {"iso": date_format(local, "c"), "shown": date_format(local, "j M Y")}
