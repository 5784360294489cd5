"""The moderation queue, its row actions, and flagging a story.

Every action is a plain POST that redirects back (it works without JavaScript); with htmx
the same view answers with just the row, a notice, and the navigation badge (out of band).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from stories.core import policy
from stories.core.fragments import rendered_once
from stories.core.htmx import render_page_or_partial
from stories.core.http import HtmxHttpRequest, get_story_for_user, parse_id, redirect_back
from stories.core.policy import asks
from stories.models import Flag, IllegalTransition, ModerationAction, ModerationEvent, Status, Story, Team
from stories.moderation.forms import DecisionForm, FlagForm
from stories.moderation.moves import HoldsPersonalData
from stories.moderation.rows import build_row, event_data, row_data
from stories.moderation.waiting import remembered_count

QUEUE_PAGE_SIZE = 25
BULK_MAX = 100
# The largest primary key any of our databases stores (a signed 64-bit integer).

SUCCESS, ERROR = "success", "danger"


def _moderated_teams(user: Any) -> QuerySet[Team]:
    # The set form of policy.can_moderate_team, for the queue's team filter.
    return Team.objects.all() if policy.is_moderator(user) else Team.objects.led_by(user)


def _waiting_count(user: Any, team_slug: str = "") -> int:
    """What waits for this user: everywhere (the navigation badge) or in one team (the queue header)."""
    if team_slug:
        return Story.objects.awaiting_moderation_count_for(user, team_slug)
    return remembered_count(user.pk, lambda: Story.objects.awaiting_moderation_count_for(user))


# --- the queue --------------------------------------------------------------------------------


def _queue_context(request: HtmxHttpRequest, team_slug: str, page_number: Any) -> dict[str, Any]:
    teams = list(_moderated_teams(request.user))
    stories = Story.objects.moderation_queue_for(request.user)
    team = next((t for t in teams if t.slug == team_slug), None)
    if team is not None:
        stories = stories.filter(team=team)
    page = Paginator(stories, QUEUE_PAGE_SIZE).get_page(page_number)
    return {
        "page": page,
        "rows": [build_row(story, request.user) for story in page.object_list],
        "teams": teams,
        "team": team,
        "show_team": len(teams) > 1,
    }


@login_required
@require_safe
@asks(policy.can_open_moderation_queue)
def queue(request: HtmxHttpRequest) -> HttpResponse:
    context = _queue_context(request, request.GET.get("team", ""), request.GET.get("page"))
    return render_page_or_partial(request, "moderation/queue.html", "queue", context)


def _selected_ids(request: HtmxHttpRequest) -> list[int]:
    ids = (parse_id(value) for value in request.POST.getlist("story"))
    # Each story once, in the order ticked: a repeated id is not a second story to report on.
    return list(dict.fromkeys(story_id for story_id in ids if story_id is not None))[:BULK_MAX]


def _bulk_notice(asked: int, approved: int, skipped: int, refused: list[str]) -> tuple[str, str]:
    """What bulk approval says: all done, or what was not approved and why."""
    if not asked:
        notice = (ERROR, _("Tick at least one story to approve."))
    elif approved == asked:
        notice = (SUCCESS, _("%(count)d approved and published.") % {"count": approved})
    else:
        # Unknown ids are stories another moderator already took out of the queue.
        missing = asked - approved - skipped - len(refused)
        details = [*refused]
        if skipped:
            details.append(
                ngettext(
                    "%(count)d skipped: it still holds personal data; redact it first, or ask a moderator.",
                    "%(count)d skipped: they still hold personal data; redact them first, or ask a moderator.",
                    skipped,
                )
                % {"count": skipped}
            )
        if missing:
            details.append(_("%(count)d already decided by someone else.") % {"count": missing})
        notice = (
            ERROR,
            _("%(count)d approved; not approved: %(details)s")
            % {"count": approved, "details": " ".join(details)},
        )
    return notice


@login_required
@require_POST
@asks(policy.can_open_moderation_queue)
def bulk_approve(request: HtmxHttpRequest) -> HttpResponse:
    ids = _selected_ids(request)
    approved = skipped = 0
    refused: list[str] = []
    # Only stories this user may moderate are looked at; any other id is simply not found.
    for story in (
        Story.objects.awaiting_moderation_for(request.user).filter(pk__in=ids).select_related("team")
    ):
        try:
            story.approve(by=request.user)
        except HoldsPersonalData:
            skipped += 1
        except IllegalTransition as error:
            refused.append(f"“{story.title}”: {error}")
        else:
            approved += 1
    notice = _bulk_notice(len(ids), approved, skipped, refused)
    if request.htmx:
        context = _queue_context(request, request.POST.get("team", ""), 1)
        context.update(notice=notice, waiting_count=_waiting_count(request.user), oob_badge=True)
        return render(request, "moderation/queue.html#queue-response", context)
    messages.add_message(request, messages.SUCCESS if notice[0] == SUCCESS else messages.ERROR, notice[1])
    return redirect_back(request, "moderation_queue")


# What each decision says when done; the URL names the decision (`Story.decide` makes it).
DONE: dict[str, Any] = {
    ModerationAction.APPROVE: _lazy("“%(title)s” is approved and published."),
    ModerationAction.REJECT: _lazy("“%(title)s” is rejected; the author sees your reason."),
    ModerationAction.HIDE: _lazy("“%(title)s” is hidden."),
    ModerationAction.RESTORE: _lazy("“%(title)s” is restored and published."),
    ModerationAction.REDACT: _lazy("Personal data is removed from “%(title)s”; no copy is kept."),
    ModerationAction.DISMISS_FLAGS: _lazy(
        "The flags on “%(title)s” are dismissed; the story stays as it is."
    ),
}


@login_required
@require_POST
@asks(policy.can_moderate_story)
def decide(request: HtmxHttpRequest, story_id: int, action: str) -> HttpResponse:
    """Approve, reject, hide, restore, redact or dismiss the flags (`action`, from the URL)."""
    story = get_story_for_user(request, story_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        notice = (ERROR, " ".join(str(e) for errors in form.errors.values() for e in errors))
    else:
        if form.cleaned_data["expected_status"]:
            story.status = form.cleaned_data["expected_status"]
        try:
            story.decide(action, by=request.user, reason=form.cleaned_data["reason"])
        except IllegalTransition as error:
            notice = (ERROR, str(error))
        else:
            notice = (SUCCESS, DONE[action] % {"title": story.title})
    if request.htmx:
        return _row_response(request, story, notice)
    messages.add_message(request, messages.SUCCESS if notice[0] == SUCCESS else messages.ERROR, notice[1])
    return redirect_back(request, "moderation_queue")


def _row_response(request: HtmxHttpRequest, story: Story, notice: tuple[str, str]) -> HttpResponse:
    """The queue row after a decision, with the notice and the counts that changed."""
    # Withdrawn meanwhile by its author: the answer names nothing of it, only what happened.
    fresh = (
        Story.objects.with_moderation_details().not_withdrawn_for(request.user).filter(pk=story.pk).first()
    )
    team_slug = request.POST.get("team", "")
    context = {
        "row": build_row(fresh, request.user, notice) if fresh else None,
        "story_id": story.pk,
        "notice": notice,
        "waiting_count": _waiting_count(request.user),
        # The queue's header counts the team it is filtered to, if any.
        "queue_count": _waiting_count(request.user, team_slug),
        "team_slug": team_slug,
        "oob_badge": True,
    }
    return render(request, "moderation/queue.html#row-response", context)


# --- the story page's moderation panel and flagging ---------------------------------------------


def panel_context(story: Story, request: HtmxHttpRequest, **extra: Any) -> dict[str, Any]:
    """What the story page shows about moderation, for this viewer (a constant few queries)."""
    user = request.user
    can_moderate = policy.can_moderate_story(user, story)
    is_author = policy.is_story_author(user, story)
    context: dict[str, Any] = {
        "story": story,
        "request": request,
        "can_moderate": can_moderate,
        "is_author": is_author,
        "row": None,
        "author_history": [],
        "my_flag": None,
        "can_flag": False,
        "flag_form": None,
        **extra,
    }
    if can_moderate:
        detailed = Story.objects.with_moderation_details().get(pk=story.pk)
        context["row"] = row_data(build_row(detailed, user, every_move=True))
        return context
    if is_author:
        # The author reads their own story's history: what happened and why, not who decided.
        context["author_history"] = [
            event_data(event, event.actor_label_for_author(story))
            for event in ModerationEvent.objects.filter(story=story)
        ]
    elif policy.can_flag_story(user, story):
        context["my_flag"] = Flag.objects.filter(
            story=story, raised_by=user.pk, resolved_at__isnull=True
        ).first()
        context["can_flag"] = context["my_flag"] is None
        if context["can_flag"] and context["flag_form"] is None:
            # Blank, the same for every story but its address: drawn once per app server.
            context["blank_flag_form"] = rendered_once(
                "moderation/_flag_form.html",
                {"story_pk": story.pk},
                lambda: {"story_pk": story.pk, "flag_form": FlagForm()},
                csrf_token=get_token(request),
            )
    return context


@login_required
@require_POST
@asks()
def flag(request: HtmxHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_user(request, story_id)
    form = FlagForm(request.POST)
    notice: tuple[str, str]
    if not form.is_valid():
        notice = (ERROR, _("Choose why you are flagging this story."))
    else:
        try:
            story.flag(
                by=request.user, reason=form.cleaned_data["reason"], comment=form.cleaned_data["comment"]
            )
        except IllegalTransition as error:
            notice = (ERROR, str(error))
        else:
            notice = (SUCCESS, _("Thank you. A moderator will look at this story."))
            if story.status == Status.HIDDEN:
                notice = (SUCCESS, _("Thank you. The story is hidden until a moderator has looked at it."))
    still_visible = policy.can_see_story(request.user, story)
    level = messages.SUCCESS if notice[0] == SUCCESS else messages.ERROR
    if request.htmx:
        if not still_visible:
            # The story just went out of this member's sight: leave its page.
            messages.add_message(request, level, notice[1])
            response = HttpResponse(status=204)
            response["HX-Redirect"] = reverse("story_list")
            return response
        context = panel_context(story, request, notice=notice, flag_form=form if notice[0] == ERROR else None)
        return render(request, "moderation/_panel.html", context)
    messages.add_message(request, level, notice[1])
    return redirect(story if still_visible else reverse("story_list"))
