"""What every feature's templates share: how a person is named, asking the access policy, and
how long a locked-out person waits."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django import template

from stories.core import names, policy

register = template.Library()


@register.filter
def in_minutes(value: dt.timedelta | None) -> int:
    """A cooling-off period in whole minutes, rounded up: "wait 15 minutes", never "0:15:00"."""
    return math.ceil(value.total_seconds() / 60) if value else 0


@register.filter
def display_name(user: Any) -> str:
    """`{{ person|display_name }}`: full name, or the username when they gave none."""
    return names.display_name(user) if user is not None else ""


@register.simple_tag(takes_context=True)
def can(context: dict[str, Any], rule: str, thing: Any) -> bool:
    """`{% can "close_karma" story as may_close %}`: asks `policy.can_close_karma(user, story)`.

    Only the policy's `can_*` predicates answer; a misspelt rule is an error, not a silent no.
    """
    predicate = getattr(policy, f"can_{rule}", None)
    if predicate is None:
        raise template.TemplateSyntaxError(f"stories.core.policy has no can_{rule}")
    return bool(predicate(context["request"].user, thing))
