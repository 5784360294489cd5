"""The karma page's two long tables, the watchlist and the ledger, drawn once per app server
for the same rows (core/fragments.py): together they took most of the page's time.

Each is rendered from plain data alone, everything the table shows, so a new sequel, a story
marked "nothing came of it", another day or another viewer's rights draw it afresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page
from django.utils.safestring import SafeString

from stories.core.fragments import rendered_once, shown_day
from stories.models import Story

if TYPE_CHECKING:
    from stories.log.models import AnyUser


def watchlist_html(
    watched: Sequence[Story],
    viewer: AnyUser,
    *,
    can_act: bool,
    more: int | None,
    truncated: bool,
    here: str,
    csrf_token: Any,
) -> SafeString:
    """`here` is the page's own address, where "nothing came of it" comes back to."""
    data = {
        "rows": [
            {
                "pk": story.pk,
                "title": story.title,
                "went_beyond": story.went_beyond,
                "author": story.author_label_for(viewer),
                "happened": shown_day(story.happened_on),
                "days": story.age.days,  # type: ignore[attr-defined]
                "milestone": story.milestone,  # type: ignore[attr-defined]
                "may_add_sequel": story.may_add_sequel,  # type: ignore[attr-defined]
                "may_close": story.may_close,  # type: ignore[attr-defined]
            }
            for story in watched
        ],
        "can_act": can_act,
        "more_watched": more,
        "truncated": truncated,
        "here": here,
    }
    return rendered_once("karma/_watchlist.html", data, lambda: data, csrf_token=csrf_token)


def ledger_html(chains: Page[Story], viewer: AnyUser) -> SafeString:
    data = {
        "chains": [
            {
                "pk": original.pk,
                "title": original.title,
                "author": original.author_label_for(viewer),
                "happened": shown_day(original.happened_on),
                "client_nickname": original.client_nickname,
                "went_beyond": original.went_beyond,
                "cost_note": original.cost_note,
                "links": [
                    {
                        "pk": link.sequel.pk,
                        "title": link.sequel.title,
                        "author": link.sequel.author_label_for(viewer),
                        "positive": link.is_positive,
                        "outcome": link.get_outcome_display(),
                        "days": link.days_between,
                    }
                    for link in original.published_sequel_links  # type: ignore[attr-defined]
                ],
            }
            for original in chains
        ],
        "pages": {
            "number": chains.number,
            "count": chains.paginator.num_pages,
            "newer": chains.previous_page_number() if chains.has_previous() else None,
            "older": chains.next_page_number() if chains.has_next() else None,
        },
    }
    return rendered_once("karma/_ledger.html", data, lambda: data)
