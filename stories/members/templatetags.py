"""A row of the members table, drawn once per app server for the same member and the same rights."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

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


@register.simple_tag
def members_form(form: Any) -> SafeString:
    """`{{ form|crispy }}`, drawn once per app server while nobody has filled it in: the invite
    and language forms, whose fields and choices are their classes' own, differ only by their
    starting values. crispy drew the two in a tenth of the page's time. A form sent back with
    its errors is drawn each time."""
    if form.is_bound:
        return mark_safe(render_to_string("members/_form.html", {"form": form}))  # noqa: S308 - escaped by the template
    starting = {name: str(form[name].value()) for name in form.fields}
    data = [f"{type(form).__module__}.{type(form).__qualname__}", form.prefix, starting]
    return rendered_once("members/_form.html", data, lambda: {"form": form})
