"""Meeting mode: the retro run as a guided sequence of steps on a shared screen.

Each step is its own URL (GET, works without JavaScript, Back works). The lead moves the
room: "next" is a POST that records the step on the retro, so every open copy of the
meeting follows (through the live poll); anyone may look at another step on their own
screen. The step timer lives on the retro too, so every screen shows the same countdown."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from stories.core import policy
from stories.core.htmx import render_page_or_partial
from stories.core.http import HtmxHttpRequest, TeamAccess
from stories.core.policy import asks
from stories.models import Kind, Retro, Story
from stories.retros import live
from stories.retros.live import live_context
from stories.retros.models import RetroStateError
from stories.retros.sections import (
    actions_context,
    base_context,
    existing_retro,
    figures_context,
    highlights_context,
    notes_context,
    person,
    retro_access,
    retro_for_update,
)


class Step(models.TextChoices):
    ACTIONS = "actions", _("Last month's actions")
    NUMBERS = "numbers", _("The month in numbers")
    TOP = "top", _("Top-voted stories")
    PRINCIPLES = "principles", _("Principles broken and honoured")
    BAD = "bad", _("Bad service not yet discussed")
    NEW_ACTIONS = "new-actions", _("New action items")
    NOTES = "notes", _("Notes")
    CLOSE = "close", _("Close")


STEPS = list(Step)
DEFAULT_MINUTES = 5
EXTEND_MINUTES = 2


def step_url(access: TeamAccess, month: dt.date, step: str) -> str:
    return reverse("meeting_step", kwargs={"slug": access.team.slug, "month": month, "step": step})


def _stories(team: Any, month: dt.date) -> Any:
    return Story.objects.published().in_month(month).filter(team=team).with_related()


def _principle_extremes(team: Any, month: dt.date, figures: dict[str, Any]) -> list[dict[str, Any]]:
    """The principle most often broken and the one most honoured, with their stories.

    Only figures the privacy floor shows are candidates (a folded one is None)."""
    rows = figures["heatmap"]["rows"]
    picked = []
    for verdict, label in (("broken", _("Most often broken")), ("honoured", _("Most honoured"))):
        shown = [row for row in rows if row[verdict]]
        if not shown:
            continue
        row = max(shown, key=lambda row: row[verdict])
        stories = _stories(team, month).filter(tags__principle__slug=row["principle"], tags__verdict=verdict)
        picked.append(
            {"label": label, "row": row, "count": row[verdict], "stories": list(stories.distinct())}
        )
    return picked


def _step_content(
    request: HtmxHttpRequest, access: TeamAccess, month: dt.date, retro: Retro | None, step: Step
) -> dict[str, Any]:
    if step in (Step.ACTIONS, Step.NEW_ACTIONS):
        context = actions_context(access, month, retro)
        if step == Step.ACTIONS:
            context["action_items"] = [entry for entry in context["action_items"] if entry["carried"]]
            context["can_add_actions"] = False
        return context
    if step == Step.NOTES:
        return notes_context(access, month, retro)
    context = {**figures_context(access, month, retro), **highlights_context(request, access, month, retro)}
    if step == Step.PRINCIPLES:
        context["extremes"] = _principle_extremes(access.team, month, context["figures"])
    elif step == Step.BAD:
        top = {row["story"].pk for row in context["highlights"] if row["story"]}
        context["bad_stories"] = list(_stories(access.team, month).filter(kind=Kind.BAD).exclude(pk__in=top))
    return context


def timer_context(retro: Retro | None) -> dict[str, Any]:
    now = timezone.now()
    ends_at = retro.timer_ends_at if retro else None
    if ends_at is not None:
        left = max(0, int((ends_at - now).total_seconds()))
    elif retro is not None and retro.timer_left is not None:
        left = retro.timer_left
    else:
        left = DEFAULT_MINUTES * 60
    return {
        "timer_running": ends_at is not None,
        "timer_left": left,
        "timer_ends_at": ends_at,
        "timer_clock": f"{left // 60}:{left % 60:02d}",
        "timer_actions": [
            ("pause", _("Pause")) if ends_at is not None else ("start", _("Start")),
            ("extend", _("+%(minutes)d min") % {"minutes": EXTEND_MINUTES}),
        ],
    }


def meeting_context(
    request: HtmxHttpRequest, access: TeamAccess, month: dt.date, retro: Retro | None, step: Step
) -> dict[str, Any]:
    index = STEPS.index(step)
    return {
        **live_context(access.team.pk, month, "meeting", step=step.value),
        **base_context(request, access, month, retro),
        **_step_content(request, access, month, retro, step),
        **timer_context(retro),
        "step": step,
        "Step": Step,
        "step_number": index + 1,
        "steps": [{"step": each, "url": step_url(access, month, each)} for each in STEPS],
        "room_step": (retro.meeting_step if retro else "") or STEPS[0].value,
        "moves": [
            (STEPS[index - 1] if index else None, "prev", _("← Back")),
            (STEPS[index + 1] if index + 1 < len(STEPS) else None, "next", _("Next →")),
        ],
    }


def meeting_live_context(
    request: HtmxHttpRequest, access: TeamAccess, month: dt.date, retro: Retro | None, changed: set[str]
) -> dict[str, Any]:
    """What a poll re-renders on a meeting screen: when the lead moved, the room's step;
    otherwise the step this screen shows, with what changed on it."""
    viewed = request.GET.get("step", "")
    step = Step(viewed) if viewed in Step.values else STEPS[0]
    if live.STEP in changed and retro is not None and retro.meeting_step in Step.values:
        step = Step(retro.meeting_step)
    return {**meeting_context(request, access, month, retro, step), "show_step": True}


def _step_or_404(step: str) -> Step:
    if step not in Step.values:
        raise Http404("No such step.")
    return Step(step)


@login_required
@require_safe
@asks()
def meeting_start(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    """/run/ opens on the step the room is at (the first one for a new meeting)."""
    access = retro_access(request, slug, month)
    retro = existing_retro(access.team, month)
    return redirect(step_url(access, month, (retro.meeting_step if retro else "") or STEPS[0].value))


@login_required
@require_safe
@asks()
def meeting_step(request: HtmxHttpRequest, slug: str, month: dt.date, step: str) -> HttpResponse:
    access = retro_access(request, slug, month)
    context = meeting_context(request, access, month, existing_retro(access.team, month), _step_or_404(step))
    return render_page_or_partial(request, "retros/meeting.html", "meeting", context)


@login_required
@require_POST
@asks(policy.can_run_retro_meeting)
def meeting_go(request: HtmxHttpRequest, slug: str, month: dt.date, step: str) -> HttpResponse:
    """The lead moves the room to a step; the timer starts afresh for it."""
    access, retro, target = _lead_at(request, slug, month, step)
    retro.move_meeting(target.value, by=person(request))
    response = _moved(request, access, month, retro, target)
    if request.htmx:
        response["HX-Push-Url"] = step_url(access, month, target)
    return response


@login_required
@require_POST
@asks(policy.can_run_retro_meeting)
def meeting_timer(request: HtmxHttpRequest, slug: str, month: dt.date, step: str) -> HttpResponse:
    """Start, pause or extend the step timer (the lead)."""
    access, retro, current = _lead_at(request, slug, month, step)
    action = request.POST.get("action", "")
    # Already in that state (a double click), or no known action: the timer as it is answers it.
    if action in ("start", "pause", "extend"):
        with contextlib.suppress(RetroStateError):
            getattr(retro, f"{action}_timer")(
                default_seconds=DEFAULT_MINUTES * 60, extra_seconds=EXTEND_MINUTES * 60
            )
    return _moved(request, access, month, retro, current)


def _lead_at(
    request: HtmxHttpRequest, slug: str, month: dt.date, step: str
) -> tuple[TeamAccess, Retro, Step]:
    """What the lead's moves start from: the team (the rule both declare), the month's retro row, the step."""
    access = retro_access(request, slug, month)
    target = _step_or_404(step)
    return access, retro_for_update(access.team, month), target


def _moved(
    request: HtmxHttpRequest, access: TeamAccess, month: dt.date, retro: Retro, step: Step
) -> HttpResponse:
    """After the lead's move: the meeting at `step` for htmx, a redirect to it for a plain form."""
    if not request.htmx:
        return redirect(step_url(access, month, step))
    return render(
        request, "retros/meeting.html#meeting", meeting_context(request, access, month, retro, step)
    )
