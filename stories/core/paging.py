"""A Paginator told its count: for a list whose count is a figure kept elsewhere."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CountedPaginator(Paginator):
    """Paginator(object_list, per_page) that does not count the list again: the count comes
    from a cached figure kept right by the same events that change the list."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count
