"""Karma: the team's ledger and watchlist, sequel links, suggestions and "nothing came of it".

Reading a team's karma page: its members, and moderators and superusers (as with its retros).
Acting on it (logging a sequel, "nothing came of it"): members; closing needs the author or lead.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from stories.core import policy
from stories.core.htmx import render_page_or_partial
from stories.core.http import (
    HtmxHttpRequest,
    get_story_for_user,
    get_team_access,
    more_count,
    parse_id,
    redirect_back,
    shown_count,
)
from stories.core.paging import CountedPaginator
from stories.core.policy import asks
from stories.karma import figures, links, tables
from stories.karma.forms import LinkSequelForm
from stories.karma.models import KARMA_WINDOW_DAYS, close_karma, reopen_karma
from stories.models import SequelOutcome, Story, Team


@login_required
@require_safe
@asks()
def karma(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    access = get_team_access(request, slug)
    team = access.team
    today = team.today()
    chains = CountedPaginator(
        figures.ledger(team), figures.LEDGER_PAGE_SIZE, count=figures.chain_count(team)
    ).get_page(request.GET.get("page"))
    shown = shown_count(request, "watching", figures.WATCHLIST_SHOWN, figures.MAX_WATCHLIST)
    watched = list(figures.watchlist(team, today)[: shown + 1])
    more = len(watched) > shown
    watched = watched[:shown]
    for story in watched:
        # The row's buttons, as the policy answers for this viewer.
        story.may_add_sequel = policy.can_add_sequel(request.user, story)  # type: ignore[attr-defined]
        story.may_close = policy.can_close_karma(request.user, story)  # type: ignore[attr-defined]
    context = {
        "team": team,
        "rate": figures.karma_rate(team, today),
        "median_days": figures.median_days_to_sequel(team),
        "principles": figures.principles_leading_to_sequels(team),
        "watchlist_html": tables.watchlist_html(
            watched,
            request.user,
            can_act=any(story.may_add_sequel or story.may_close for story in watched),  # type: ignore[attr-defined]
            more=more_count(shown, figures.WATCHLIST_SHOWN, figures.MAX_WATCHLIST, more),
            truncated=more and shown == figures.MAX_WATCHLIST,
            here=request.get_full_path(),
            csrf_token=get_token(request),
        ),
        "ledger_html": tables.ledger_html(chains, request.user),
        "window_days": KARMA_WINDOW_DAYS,
    }
    # "Show more" swaps just the watchlist, the ledger's pager just the ledger.
    partial = "watchlist" if request.htmx.target == "watchlist" else "ledger"
    return render_page_or_partial(request, "karma/karma.html", partial, context)


def _parse_day(raw: str | None) -> dt.date | None:
    try:
        return parse_date(raw or "")
    except ValueError:
        return None


def _text_param(request: HttpRequest, name: str, limit: int) -> str:
    """A typed-in parameter, cut to `limit`, without NUL bytes (PostgreSQL refuses them in text)."""
    return request.GET.get(name, "").replace("\x00", "")[:limit]


def _suggestions_for(request: HttpRequest, team: Team) -> tuple[Story | None, list[Story]]:
    """The story the person already picked (kept on screen while they type) and the suggestions."""
    happened_on = _parse_day(_text_param(request, "happened_on", 30)) or team.today()
    selected_id = parse_id(_text_param(request, "sequel_of", 30))
    selected = None
    if selected_id is not None:
        selected = (
            Story.objects.published()
            .filter(pk=selected_id, team=team, happened_on__lte=happened_on)
            .select_related("author")
            .first()
        )
    suggestions = links.suggest_originals(
        request.user,
        team,
        client_nickname=_text_param(request, "client_nickname", 60),
        title=_text_param(request, "title", 200),
        text=_text_param(request, "what_happened", 2000),
        happened_on=happened_on,
        exclude_ids=(selected.pk,) if selected else (),
    )
    if selected is not None:
        suggestions = [selected, *suggestions[: links.MAX_SUGGESTIONS - 1]]
    return selected, suggestions


@login_required
@require_safe
@asks()
def suggest_originals(request: HttpRequest) -> HttpResponse:
    """htmx, from the story form: earlier stories this one may follow, as radio buttons."""
    team_id = parse_id(_text_param(request, "team", 30))
    team = (
        Team.objects.for_user(request.user).filter(pk=team_id).distinct().first()
        if team_id is not None
        else None
    )
    suggestions: list[Story] = []
    selected: Story | None = None
    if team is not None:
        selected, suggestions = _suggestions_for(request, team)
    return render(
        request,
        "karma/_suggestions.html",
        {
            "suggestions": suggestions,
            "selected_id": selected.pk if selected else None,
            "outcomes": SequelOutcome.choices,
            "selected_outcome": _text_param(request, "sequel_outcome", 30),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@asks(policy.can_add_sequel)
def sequel_link(request: HtmxHttpRequest, story_id: int) -> HttpResponse:
    """Link an existing later story as a sequel of this one, found by typing part of its title."""
    original = get_story_for_user(request, story_id)
    form = LinkSequelForm(request.POST or None, original=original, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            link = form.save()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("“%(sequel)s” is now linked as a sequel, %(days)s days later.")
                % {"sequel": link.sequel.title, "days": link.days_between},
            )
            if request.htmx:
                return HttpResponseClientRedirect(original.get_absolute_url())
            return redirect(original)
    query = (request.POST if request.method == "POST" else request.GET).get("q", "").replace("\x00", "")[:100]
    # Typing in the search box swaps the candidates; sending the form swaps the form.
    partial = "candidates" if request.method == "GET" else "link-form"
    context = {"original": original, "form": form, "q": query, "matches": form.matches(query)}
    return render_page_or_partial(request, "karma/link_sequel.html", partial, context)


@login_required
@require_POST
@asks(policy.can_close_karma)
def karma_close(request: HttpRequest, story_id: int, closed: bool) -> HttpResponse:
    """ "Nothing came of it" (`closed`, from the URL): the story leaves the watchlist and counts
    as a miss; or that taken back, and it is watched again."""
    story = get_story_for_user(request, story_id)
    try:
        (close_karma if closed else reopen_karma)(story, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = (
            _("“%(title)s” is marked “nothing came of it”. You can undo this on the story's page.")
            if closed
            else _("“%(title)s” is back on the karma watchlist.")
        )
        messages.success(request, done % {"title": story.title})
    return redirect_back(request, story)
