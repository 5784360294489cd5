"""A row of the members table, drawn once per app server for the same member and the same rights."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.safestring import SafeString

from stories.core.fragments import rendered_once, shown_moment
from stories.core.names import display_name
from stories.models import Membership, Role, Team

register = template.Library()


@register.simple_tag(takes_context=True)
def member_row(context: dict[str, Any], membership: Membership, team: Team, manages: bool) -> SafeString:
    """Fifty rows with two forms each took the template engine two thirds of the page's time."""
    user = membership.user
    row = {
        "pk": membership.pk,
        "team": team.slug,
        "name": display_name(user),
        "username": user.get_username(),
        "email": user.email,
        "role": membership.role,
        "role_label": membership.get_role_display(),
        "last_story": _shown(getattr(membership, "last_story_at", None)),
        "last_login": _shown(user.last_login),
        "manages": manages,
    }
    return rendered_once(
        "members/_member_row.html",
        row,
        lambda: {"m": row, "roles": Role.choices},
        csrf_token=context.get("csrf_token"),
    )


def _shown(value: dt.datetime | None) -> dict[str, str] | None:
    return None if value is None else shown_moment(value, "j M Y")
