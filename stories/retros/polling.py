"""GET .../live/: every open retro page and meeting asks here every two seconds what changed.

Answered from the cache alone while nothing changed (304, no database query: the
LiveStampMiddleware answers before the session or the user is even loaded): the client holds the stamp as an ETag, and only a
client that was once shown the page holds a current one. When something changed, the
answer is the sections that changed, swapped out of band, for this user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve
from django.views.decorators.http import require_safe

from stories.core.http import HtmxHttpRequest
from stories.core.policy import asks
from stories.models import Team
from stories.retros import live
from stories.retros.live import live_context
from stories.retros.sections import (
    actions_context,
    base_context,
    existing_retro,
    highlights_context,
    mine_filter,
    notes_context,
    retro_access,
)

VIEWS = ("page", "meeting")


class LiveStampMiddleware:
    """Answers an unchanged poll before the session, the user or any view is looked at.

    Placed before the authentication middleware, which would otherwise load the session
    and the user (two queries) for every poll of every open page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD") and "If-None-Match" in request.headers:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            # A polling view declares how its stamp is worked out (`@asks(stamp=...)`).
            stamp = getattr(match.func, "stamp", None) if match is not None else None
            if match is not None and stamp is not None:
                tag = stamp(**match.kwargs)
                if request.headers["If-None-Match"] == tag:
                    response = HttpResponseNotModified()
                    response["ETag"] = tag
                    return response
        return self.get_response(request)


@require_safe
@asks(stamp=live.stamp)
def retro_live(request: HtmxHttpRequest, team_id: int, month: dt.date, view: str) -> HttpResponse:
    if view not in VIEWS:
        raise Http404
    current = live.versions(team_id, month)
    tag = live.etag(current)
    held_header = request.headers.get("If-None-Match", "")
    team = get_object_or_404(Team, pk=team_id)
    access = retro_access(request, team.slug, month)
    retro = existing_retro(team, month)
    changed = live.changed_parts(live.parse_etag(held_header), current)
    context = {
        **base_context(request, access, month, retro),
        **live_context(team.pk, month, view, mine=mine_filter(request) is not None),
        "live_oob": True,
    }
    if view == "meeting":
        from stories.retros.meeting import meeting_live_context

        context.update(meeting_live_context(request, access, month, retro, changed))
    else:
        if live.VOTES in changed:
            context.update(highlights_context(request, access, month, retro), show_highlights=True)
        if live.ACTIONS in changed:
            context.update(
                actions_context(access, month, retro, mine_of=mine_filter(request)), show_actions=True
            )
        if live.NOTES in changed:
            context.update(notes_context(access, month, retro), show_notes=True)
    response = render(request, "retros/_live.html", {**context, "view": view})
    response["ETag"] = tag
    response["Cache-Control"] = "no-store"
    return response
