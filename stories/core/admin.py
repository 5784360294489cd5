"""What every admin page of the app shares."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from stories.log.terms import Status


class HidesWithdrawnStories:
    """A withdrawn story is its author's alone: in the admin only superusers still see it,
    and the rows that point at it (tags, history, flags, votes, links, reminders)."""

    withdrawn_paths: tuple[str, ...] = ("story__status",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        if request.user.is_superuser:
            return queryset
        for path in self.withdrawn_paths:
            queryset = queryset.exclude(**{path: Status.WITHDRAWN})
        return queryset
