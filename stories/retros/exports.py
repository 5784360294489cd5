"""The retro's exports: a Markdown report and a CSV of the month's stories."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from stories.core.counters import Stamp, keep, recall
from stories.core.figure_cache import FIGURES_TIMEOUT, month_export
from stories.core.http import HtmxHttpRequest
from stories.core.months import month_slug
from stories.core.names import display_name, name_from
from stories.core.policy import asks
from stories.core.text import one_line
from stories.log.stream import Cursor
from stories.models import Principle, Story, StoryPrinciple, Team, Verdict
from stories.retros.export_text import csv_cell, md_inline
from stories.retros.sections import (
    HIGHLIGHT_COUNT,
    actions_context,
    base_context,
    existing_retro,
    figures_context,
    highlights_context,
    notes_context,
    retro_access,
)

# The CSV reads the month in keyset chunks of this many stories, whatever its size.
EXPORT_CHUNK = 500


def _attachment(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # Header names ignore case: "content-disposition" is the same header, not mutated.
    response["Content-Disposition"] = f'attachment; filename="{filename}"'  # pragma: no mutate
    return response


def _export_author(story: Story) -> str:
    """Exports travel beyond the app, so anonymous stories never carry a name, whoever downloads."""
    if story.anonymous:
        return ""
    return display_name(story.author)


@login_required
@require_http_methods(["GET", "HEAD"])
@asks()
def retro_markdown(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = retro_access(request, slug, month)
    retro = existing_retro(access.team, month)
    context = {
        **base_context(request, access, month, retro),
        **figures_context(access, month, retro),
        # The report prints the highlights only: read the top few candidates, not the month.
        **highlights_context(request, access, month, retro, HIGHLIGHT_COUNT),
        **actions_context(access, month, retro, with_forms=False),
        **notes_context(access, month, retro),
    }
    context["md_highlights"] = [
        {
            "title": md_inline(row["story"].title) if row["story"] else _("(no longer published)"),
            "author": md_inline(_export_author(row["story"]) or _("Anonymous")) if row["story"] else "",
            "votes": row["votes"],
            "kind": row["story"].get_kind_display() if row["story"] else "",
        }
        for row in context["highlights"]
    ]
    context["md_items"] = [
        {
            "text": md_inline(entry["item"].text),
            "owner": md_inline(display_name(entry["item"].owner)) if entry["item"].owner else "",
            **entry,
        }
        for entry in context["action_items"]
    ]
    content = render_to_string("retros/retro.md", context, request=request)
    return _attachment(
        content, "text/markdown; charset=utf-8", f"{access.team.slug}-retro-{month_slug(month)}.md"
    )


CSV_HEADER = (
    "id",
    "date",
    "kind",
    "perspective",
    "channel",
    "title",
    "author",
    "went_beyond",
    "principles honoured",
    "principles broken",
)


class _Echo:
    """A file-like object whose write() returns the line, so csv.writer feeds a generator."""

    def write(self, value: str) -> str:
        return value


CSV_COLUMNS = (
    "pk",
    "happened_on",
    "kind",
    "perspective",
    "channel",
    "title",
    "anonymous",
    "author_id",
    "went_beyond",
    "created_at",
)


def _csv_lines(team: Team, month: dt.date) -> Iterator[list[list[Any]]]:
    """The month's stories in date order, a chunk of lines at a time: memory stays flat at any size.

    Chunks follow the stream index's order (day, then creation, then id), each starting where
    the last ended (`Cursor.newer`): the index is read once from end to end.
    """
    yield [list(CSV_HEADER)]
    names = {principle.pk: principle.local_name for principle in Principle.objects.all()}
    stories = Story.objects.published().for_month(team, month.year, month.month)
    after: Cursor | None = None
    while True:
        chunk = stories if after is None else stories.filter(after.newer())
        rows = list(
            chunk.order_by("happened_on", "created_at", "pk")
            .values_list(*CSV_COLUMNS)[:EXPORT_CHUNK]
            # The slice bounds the rows; chunk_size only sets how many come per fetch: not mutated.
            .iterator(chunk_size=EXPORT_CHUNK)  # pragma: no mutate
        )
        if not rows:
            return
        tagged: dict[tuple[int, str], list[str]] = defaultdict(list)
        tags = StoryPrinciple.objects.filter(story_id__in=[row[0] for row in rows]).order_by(
            "principle__position"
        )
        for story_id, verdict, principle_id in tags.values_list(
            "story_id", "verdict", "principle_id"
        ).iterator():
            tagged[(story_id, verdict)].append(names[principle_id])
        # Authors apart, not joined: with the join the planner read the rest of the month again.
        authors = {
            pk: name_from(first, last, username)
            for pk, first, last, username in get_user_model()
            .objects.filter(pk__in={row[7] for row in rows if not row[6]})
            .values_list("pk", "first_name", "last_name", "username")
        }
        lines = []
        for pk, day, kind, perspective, channel, title, anonymous, author_id, beyond, _at in rows:
            author = "" if anonymous else authors[author_id]
            values = (pk, day.isoformat(), kind, perspective, channel, one_line(title), author)
            lines.append(
                [
                    csv_cell(value)
                    for value in (
                        *values,
                        "yes" if beyond else "no",
                        "; ".join(tagged[(pk, Verdict.HONOURED)]),
                        "; ".join(tagged[(pk, Verdict.BROKEN)]),
                    )
                ]
            )
        yield lines
        last_pk, last_day, *_columns, last_at = rows[-1]
        after = Cursor(last_day, last_at, last_pk)


def _kept_once_sent(chunks: Iterator[str], key: str, stamp: Stamp) -> Iterator[str]:
    """The chunks as they come, and the whole text kept once the last is sent: a month's CSV
    read again (a closed month's, the one a retro hands around) is one read of the cache, not
    5,000 stories read and written out again. Only a whole CSV is kept, under the counters read
    before its first row: a story or a name that changed meanwhile makes it old at once."""
    sent = []
    for chunk in chunks:
        sent.append(chunk)
        yield chunk
    keep({key: (stamp, "".join(sent))}, FIGURES_TIMEOUT)


@login_required
@require_http_methods(["GET", "HEAD"])
@asks()
def retro_csv(request: HtmxHttpRequest, slug: str, month: dt.date) -> StreamingHttpResponse:
    access = retro_access(request, slug, month)
    key, counters = month_export(access.team.pk, "csv", month)
    [(stamp, kept, text)] = recall([(key, counters)])
    if kept:
        body: Iterator[str] = iter([text])
    else:
        writer = csv.writer(_Echo())
        # One write per chunk: a write per line cost the server a send for each of 5,000 stories.
        chunks = (
            "".join(writer.writerow(line) for line in lines) for lines in _csv_lines(access.team, month)
        )
        body = _kept_once_sent(chunks, key, stamp)
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    filename = f"{access.team.slug}-retro-{month_slug(month)}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
