import datetime as dt
import math

from django import template

register = template.Library()


@register.filter
def in_minutes(value: dt.timedelta | None) -> int:
    """A cooling-off period in whole minutes, rounded up: "wait 15 minutes", never "0:15:00"."""
    return math.ceil(value.total_seconds() / 60) if value else 0
