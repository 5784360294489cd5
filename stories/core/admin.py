"""What every admin page of the app shares."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from stories.core import policy
from stories.log.terms import Status


class HidesWithdrawnStories:
    """A withdrawn story is its author's alone: in the admin only superusers still see it,
    and the rows that point at it (tags, history, flags, votes, links, reminders)."""

    withdrawn_paths: tuple[str, ...] = ("story__status",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        if policy.can_see_withdrawn_in_admin(request.user):
            return queryset
        for path in self.withdrawn_paths:
            queryset = queryset.exclude(**{path: Status.WITHDRAWN})
        return queryset


class MomentFilter(admin.SimpleListFilter):
    """Filters on whether a moment is recorded yet (a nullable date-time `field`: a retro
    closed, an action item done, a flag resolved). Made by `moment_filter`."""

    field = ""
    # URL value -> (label, whether the moment is recorded).
    options: dict[str, tuple[Any, bool]] = {}

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [(value, label) for value, (label, _recorded) in self.options.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        choice = self.options.get(self.value() or "")
        if choice is None:
            return queryset
        return queryset.filter(**{f"{self.field}__isnull": not choice[1]})


def moment_filter(title: Any, parameter: str, field: str, options: dict[str, tuple[Any, bool]]) -> type:
    """An admin list filter on whether `field` is set: `options` maps each URL value to its
    label and whether the moment is recorded."""
    attributes = {"title": title, "parameter_name": parameter, "field": field, "options": options}
    return type(f"{parameter.title()}Filter", (MomentFilter,), attributes)
