"""Taking part in a retro: votes and action items (members); notes, close and reopen (the lead)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stories.core.http import HtmxHttpRequest, TeamAccess, get_team_access
from stories.karma.figures import month_section
from stories.models import (
    ActionItem,
    Story,
)
from stories.retros.figures import month_figures, snapshot_of
from stories.retros.forms import ActionItemForm, AssignForm, NotesForm
from stories.retros.models import RetroStateError
from stories.retros.sections import (
    actions_context,
    base_context,
    existing_retro,
    full_context,
    month_or_404,
    notes_context,
    person,
    require_lead,
    require_member,
    retro_for_update,
    retro_url,
    section_response,
)


@login_required
@require_POST
def retro_vote(request: HtmxHttpRequest, slug: str, month: dt.date, story_id: int) -> HttpResponse:
    return _vote(request, slug, month, story_id, cast=True)


@login_required
@require_POST
def retro_unvote(request: HtmxHttpRequest, slug: str, month: dt.date, story_id: int) -> HttpResponse:
    return _vote(request, slug, month, story_id, cast=False)


def _vote(request: HtmxHttpRequest, slug: str, month: dt.date, story_id: int, *, cast: bool) -> HttpResponse:
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    require_member(access)
    story = get_object_or_404(Story.objects.filter(team=access.team), pk=story_id)
    retro = retro_for_update(access.team, month)
    error = ""
    try:
        if cast:
            retro.vote(story, by=person(request))
        else:
            retro.unvote(story, by=person(request))
    except RetroStateError as exc:
        error = str(exc)
    return section_response(request, access, month, retro, "highlights", error=error)


@login_required
@require_POST
def action_item_create(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    require_member(access)
    form = ActionItemForm(request.POST, team=access.team)
    retro = existing_retro(access.team, month)
    if not form.is_valid():
        # Nothing typed is lost: the form comes back bound, with its errors next to the fields.
        if request.htmx:
            context = {
                **base_context(request, access, month, retro),
                **actions_context(access, month, retro, form),
            }
            return render(request, "retros/retro.html#action-items", context)
        context = full_context(request, access, month, retro, action_form=form)
        return render(request, "retros/retro.html", context)
    retro = retro_for_update(access.team, month)
    error = ""
    try:
        retro.add_action_item(
            text=form.cleaned_data["text"],
            owner=form.cleaned_data["owner"],
            due_on=form.cleaned_data["due_on"],
            by=person(request),
        )
    except RetroStateError as exc:
        error = str(exc)
    return section_response(request, access, month, retro, "action-items", error=error)


def _action_item(access: TeamAccess, month: dt.date, item_id: int) -> ActionItem:
    return get_object_or_404(
        ActionItem.objects.filter(team=access.team, retro__month__lte=month).select_related("retro"),
        pk=item_id,
    )


@login_required
@require_POST
def action_item_assign(request: HtmxHttpRequest, slug: str, month: dt.date, item_id: int) -> HttpResponse:
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    require_member(access)
    item = _action_item(access, month, item_id)
    form = AssignForm(request.POST, instance=item, team=access.team)
    error = ""
    if form.is_valid():
        item.assign(owner=form.cleaned_data["owner"], due_on=form.cleaned_data["due_on"], by=person(request))
    else:
        error = " ".join(str(message) for messages_ in form.errors.values() for message in messages_)
    return section_response(
        request, access, month, existing_retro(access.team, month), "action-items", error=error
    )


@login_required
@require_POST
def action_item_complete(request: HtmxHttpRequest, slug: str, month: dt.date, item_id: int) -> HttpResponse:
    return _mark_action_item(request, slug, month, item_id, done=True)


@login_required
@require_POST
def action_item_reopen(request: HtmxHttpRequest, slug: str, month: dt.date, item_id: int) -> HttpResponse:
    return _mark_action_item(request, slug, month, item_id, done=False)


def _mark_action_item(
    request: HtmxHttpRequest, slug: str, month: dt.date, item_id: int, *, done: bool
) -> HttpResponse:
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    require_member(access)
    item = _action_item(access, month, item_id)
    if done:
        item.complete(by=person(request))
    else:
        item.reopen(by=person(request))
    return section_response(request, access, month, existing_retro(access.team, month), "action-items")


@login_required
@require_POST
def retro_notes(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    require_lead(access)
    form = NotesForm(request.POST)
    if not form.is_valid():
        # Only a POST that changes something creates the month's retro row.
        retro = existing_retro(access.team, month)
        if request.htmx:
            context = {**base_context(request, access, month, retro), **notes_context(access, retro, form)}
            return render(request, "retros/retro.html#notes", context)
        return render(
            request, "retros/retro.html", full_context(request, access, month, retro, notes_form=form)
        )
    error = ""
    retro = retro_for_update(access.team, month)
    try:
        retro.save_notes(form.cleaned_data["notes"], by=person(request))
    except RetroStateError as exc:
        error = str(exc)
    if not error and not request.htmx:
        messages.success(request, _("Notes saved."))
    return section_response(request, access, month, retro, "notes", error=error, notes_saved=not error)


@login_required
@require_POST
def retro_close(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    require_lead(access)
    retro = retro_for_update(access.team, month)
    try:
        snapshot = snapshot_of(
            month_figures(access.team, month, retro), karma=month_section(access.team, month)
        )
        retro.close(by=person(request), snapshot=snapshot)
    except RetroStateError as exc:
        return _whole_retro_response(request, access, month, error=str(exc))
    return _whole_retro_response(
        request, access, month, done=_("Retro closed: its figures and highlights are frozen.")
    )


@login_required
@require_POST
def retro_reopen(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    require_lead(access)
    retro = existing_retro(access.team, month)
    try:
        if retro is None:  # Never closed, so never frozen: nothing to reopen, no row to create.
            raise RetroStateError(_("This retro is already open."))
        retro.reopen(by=person(request))
    except RetroStateError as exc:
        return _whole_retro_response(request, access, month, error=str(exc))
    return _whole_retro_response(
        request, access, month, done=_("Retro reopened: the figures are live again.")
    )


def _whole_retro_response(
    request: HtmxHttpRequest, access: TeamAccess, month: dt.date, *, done: str = "", error: str = ""
) -> HttpResponse:
    """Closing changes every section, so htmx swaps the whole retro; plain forms redirect."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, done)
        return redirect(retro_url(access.team, month))
    context = full_context(request, access, month, existing_retro(access.team, month))
    context["retro_error"] = error
    return render(request, "retros/retro.html#retro", context)
