"""What every feature's templates share: how a person is named, and how long a locked-out
person waits. (Access answers come from the views, which ask stories/core/policy.py.)"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django import template

from stories.core import names

register = template.Library()


@register.filter
def in_minutes(value: dt.timedelta | None) -> int:
    """A cooling-off period in whole minutes, rounded up: "wait 15 minutes", never "0:15:00"."""
    return math.ceil(value.total_seconds() / 60) if value else 0


@register.filter
def display_name(user: Any) -> str:
    """`{{ person|display_name }}`: full name, or the username when they gave none."""
    return names.display_name(user) if user is not None else ""
