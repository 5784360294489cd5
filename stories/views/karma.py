"""Karma: the team's ledger and watchlist, sequel links, suggestions and "nothing came of it"."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_date
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from stories import karma as figures
from stories.forms_karma import LinkSequelForm
from stories.http import HtmxHttpRequest
from stories.models import SequelOutcome, Status, Story, Team
from stories.models.karma import (
    KARMA_WINDOW_DAYS,
    WATCH_MILESTONES,
    can_close_karma,
    close_karma,
    reopen_karma,
)


def _get_team_for_user(request: HttpRequest, slug: str) -> Team:
    """The team if the user is in it (superusers: any team); 404 for everyone else."""
    team = Team.objects.for_user(request.user).filter(slug=slug).distinct().first()
    if team is None:
        raise Http404("No such team.")
    return team


def _get_story_for_user(request: HttpRequest, story_id: int) -> Story:
    story = Story.objects.select_related("team", "author").filter(pk=story_id).first()
    if story is None or not story.can_be_seen_by(request.user):
        raise Http404("No such story.")
    return story


def _redirect_back(request: HttpRequest, story: Story) -> HttpResponse:
    """Back to where the button was (the karma page or the story), never off-site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(story)


@login_required
@require_safe
def karma(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    team = _get_team_for_user(request, slug)
    today = team.today()
    chains = Paginator(figures.ledger(team), figures.LEDGER_PAGE_SIZE).get_page(request.GET.get("page"))
    watched = list(figures.watchlist(team, today)[: figures.MAX_WATCHLIST + 1])
    context = {
        "team": team,
        "today": today,
        "is_lead": team.is_lead(request.user),
        "chains": chains,
        "rate": figures.karma_rate(team, today),
        "median_days": figures.median_days_to_sequel(team),
        "principles": figures.principles_leading_to_sequels(team),
        "watchlist": watched[: figures.MAX_WATCHLIST],
        "watchlist_truncated": len(watched) > figures.MAX_WATCHLIST,
        "milestones": WATCH_MILESTONES,
        "window_days": KARMA_WINDOW_DAYS,
    }
    template = "karma/karma.html"
    # The ledger's pager swaps just the ledger; a history restore needs the whole page.
    if request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request:
        template += "#ledger"
    return render(request, template, context)


def _parse_day(raw: str | None) -> dt.date | None:
    try:
        return parse_date(raw or "")
    except ValueError:
        return None


@login_required
@require_safe
def suggest_originals(request: HttpRequest) -> HttpResponse:
    """htmx, from the story form: earlier stories this one may follow, as radio buttons."""
    params = request.GET
    raw_team = params.get("team", "")
    team = (
        Team.objects.for_user(request.user).filter(pk=int(raw_team)).distinct().first()
        if raw_team.isdigit()
        else None
    )
    suggestions: list[Story] = []
    selected: Story | None = None
    if team is not None:
        happened_on = _parse_day(params.get("happened_on")) or team.today()
        raw_selected = params.get("sequel_of", "")
        if raw_selected.isdigit():
            selected = (
                Story.objects.published()
                .filter(pk=int(raw_selected), team=team, happened_on__lte=happened_on)
                .select_related("author")
                .first()
            )
        suggestions = figures.suggest_originals(
            request.user,
            team,
            client_nickname=params.get("client_nickname", "")[:60],
            title=params.get("title", "")[:200],
            text=params.get("what_happened", "")[:2000],
            happened_on=happened_on,
            exclude_ids=(selected.pk,) if selected else (),
        )
        if selected is not None:
            # Keep the person's choice on screen while they go on typing.
            suggestions = [selected, *suggestions[: figures.MAX_SUGGESTIONS - 1]]
    return render(
        request,
        "karma/_suggestions.html",
        {
            "suggestions": suggestions,
            "selected_id": selected.pk if selected else None,
            "outcomes": SequelOutcome.choices,
            "selected_outcome": params.get("sequel_outcome", ""),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sequel_link(request: HtmxHttpRequest, story_id: int) -> HttpResponse:
    """Link an existing later story as a sequel of this one."""
    original = _get_story_for_user(request, story_id)
    if original.status != Status.PUBLISHED and original.author_id != request.user.pk:
        raise PermissionDenied("Only a published story can have a sequel.")
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
    template = "karma/link_sequel.html#link-form" if request.htmx else "karma/link_sequel.html"
    return render(request, template, {"original": original, "form": form})


@login_required
@require_POST
def karma_close(request: HttpRequest, story_id: int) -> HttpResponse:
    """ "Nothing came of it": the story leaves the watchlist and counts as a miss."""
    story = _get_story_for_user(request, story_id)
    if not can_close_karma(story, request.user):
        raise PermissionDenied("Only the author or the team lead can do this.")
    try:
        close_karma(story, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(title)s” is marked “nothing came of it”. You can undo this on the story's page.")
            % {"title": story.title},
        )
    return _redirect_back(request, story)


@login_required
@require_POST
def karma_reopen(request: HttpRequest, story_id: int) -> HttpResponse:
    story = _get_story_for_user(request, story_id)
    if not can_close_karma(story, request.user):
        raise PermissionDenied("Only the author or the team lead can do this.")
    reopen_karma(story, by=request.user)
    messages.success(request, _("“%(title)s” is back on the karma watchlist.") % {"title": story.title})
    return _redirect_back(request, story)
