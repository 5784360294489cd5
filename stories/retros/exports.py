"""The retro's exports: a Markdown report and a CSV of the month's stories."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from stories.core.http import HtmxHttpRequest, get_team_access
from stories.core.months import month_slug
from stories.core.text import one_line
from stories.models import (
    Story,
)
from stories.retros.export_text import csv_cell, md_inline
from stories.retros.sections import (
    actions_context,
    base_context,
    existing_retro,
    figures_context,
    highlights_context,
    month_or_404,
    notes_context,
)


def _attachment(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export_author(story: Story) -> str:
    """Exports travel beyond the app, so anonymous stories never carry a name, whoever downloads."""
    if story.anonymous:
        return ""
    return story.author.get_full_name() or story.author.get_username()


@login_required
@require_http_methods(["GET", "HEAD"])
def retro_markdown(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    retro = existing_retro(access.team, month)
    context = {
        **base_context(request, access, month, retro),
        **figures_context(access, month, retro),
        **highlights_context(request, access, month, retro),
        **actions_context(access, month, retro),
        **notes_context(access, retro),
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
            "owner": md_inline(entry["item"].owner.get_full_name() or entry["item"].owner.get_username())
            if entry["item"].owner
            else "",
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


@login_required
@require_http_methods(["GET", "HEAD"])
def retro_csv(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    stories = (
        Story.objects.published()
        .for_month(access.team, month.year, month.month)
        .with_related()
        .order_by("happened_on", "pk")
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for story in stories:
        tags = list(story.tags.all())
        writer.writerow(
            [
                csv_cell(value)
                for value in (
                    story.pk,
                    story.happened_on.isoformat(),
                    story.kind,
                    story.perspective,
                    story.channel,
                    one_line(story.title),
                    _export_author(story),
                    "yes" if story.went_beyond else "no",
                    "; ".join(tag.principle.local_name for tag in tags if tag.verdict == "honoured"),
                    "; ".join(tag.principle.local_name for tag in tags if tag.verdict == "broken"),
                )
            ]
        )
    return _attachment(
        buffer.getvalue(), "text/csv; charset=utf-8", f"{access.team.slug}-retro-{month_slug(month)}.csv"
    )
