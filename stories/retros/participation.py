"""Taking part in a retro: votes and action items (members); notes, close and reopen (the lead)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from stories.core import policy
from stories.core.http import HtmxHttpRequest, TeamAccess
from stories.core.months import has_ended
from stories.core.policy import asks
from stories.karma.figures import month_section
from stories.models import (
    ActionItem,
    Story,
)
from stories.retros.figures import month_figures
from stories.retros.forms import ActionItemForm, NotesForm
from stories.retros.models import MONTH_RUNNING, NotesConflict, Retro, RetroStateError
from stories.retros.sections import (
    actions_context,
    base_context,
    existing_retro,
    figures_context,
    full_context,
    notes_context,
    person,
    retro_access,
    retro_for_update,
    retro_url,
    section_response,
)
from stories.retros.snapshots import snapshot_of


@login_required
@require_POST
@asks(policy.can_take_part_in_retro)
def retro_vote(
    request: HtmxHttpRequest, slug: str, month: dt.date, story_id: int, cast: bool
) -> HttpResponse:
    """Cast a vote for the story, or take it back (`cast`, from the URL)."""
    access = retro_access(request, slug, month)
    story = get_object_or_404(Story.objects.filter(team=access.team), pk=story_id)
    retro = retro_for_update(access.team, month)
    error = ""
    try:
        (retro.vote if cast else retro.unvote)(story, by=person(request))
    except RetroStateError as exc:
        error = str(exc)
    return section_response(request, access, month, retro, "highlights", error=error)


@login_required
@require_POST
@asks(policy.can_take_part_in_retro)
def action_item_create(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = retro_access(request, slug, month)
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


def action_item_of(access: TeamAccess, month: dt.date, item_id: int) -> ActionItem:
    """An action item the month's retro shows (its own, or one carried into it); 404 otherwise."""
    return get_object_or_404(
        ActionItem.objects.filter(team=access.team, retro__month__lte=month).select_related("retro"),
        pk=item_id,
    )


@login_required
@require_POST
@asks(policy.can_take_part_in_retro)
def action_item_mark(
    request: HtmxHttpRequest, slug: str, month: dt.date, item_id: int, done: bool
) -> HttpResponse:
    """Tick an action item off, or open it again (`done`, from the URL)."""
    access = retro_access(request, slug, month)
    item = action_item_of(access, month, item_id)
    (item.complete if done else item.reopen)(by=person(request))
    return section_response(request, access, month, existing_retro(access.team, month), "action-items")


@login_required
@require_POST
@asks(policy.can_edit_retro_notes)
def retro_notes(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = retro_access(request, slug, month)
    form = NotesForm(request.POST)
    if not form.is_valid():
        # Only a POST that changes something creates the month's retro row.
        return _notes_response(request, access, month, existing_retro(access.team, month), form, status=200)
    retro = retro_for_update(access.team, month)
    try:
        retro.save_notes(
            form.cleaned_data["notes"], base_version=form.cleaned_data["version"], by=person(request)
        )
    except NotesConflict as conflict:
        # Both texts go back to the writer: theirs in the editor, the newer one beside it.
        form = NotesForm({"notes": form.cleaned_data["notes"], "version": conflict.version})
        # Unsaved: a live refresh must not replace this text before the writer merges it.
        form.fields["notes"].widget.attrs["data-unsaved"] = "true"
        return _notes_response(request, access, month, retro, form, conflict=conflict.notes, status=409)
    except RetroStateError as exc:
        return section_response(request, access, month, retro, "notes", error=str(exc))
    if request.htmx and request.POST.get("autosave"):
        # The editor stays as it is (the writer may still be typing): only the status and version change.
        context = {
            **base_context(request, access, month, retro),
            **notes_context(access, month, retro),
            "notes_saved": True,
        }
        return render(request, "retros/_notes_saved.html", context)
    if not request.htmx:
        messages.success(request, _("Notes saved."))
    return section_response(request, access, month, retro, "notes", notes_saved=True)


def _notes_response(
    request: HtmxHttpRequest,
    access: TeamAccess,
    month: dt.date,
    retro: Retro | None,
    form: NotesForm,
    *,
    status: int,
    conflict: str | None = None,
) -> HttpResponse:
    extra = {"notes_conflict": conflict}
    if request.htmx:
        context = {
            **base_context(request, access, month, retro),
            **notes_context(access, month, retro, form),
            **extra,
        }
        response = render(request, "retros/retro.html#notes", context)
        # htmx swaps only 2xx answers; the section is the target even from the autosave.
        response["HX-Retarget"], response["HX-Reswap"] = "#notes", "outerHTML"
        return response
    context = {**full_context(request, access, month, retro, notes_form=form), **extra}
    return render(request, "retros/retro.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@asks(policy.can_close_retro)
def retro_close(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    """GET asks for confirmation (a plain form, no JavaScript needed); POST closes."""
    access = retro_access(request, slug, month)
    if request.method != "POST":
        return _close_confirmation(request, access, month)
    if not has_ended(access.team, month):
        # Refused before any row is created: the running month stays as it is.
        return _whole_retro_response(request, access, month, error=str(MONTH_RUNNING))
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
@asks(policy.can_close_retro)
def retro_reopen(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = retro_access(request, slug, month)
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


def _close_confirmation(request: HtmxHttpRequest, access: TeamAccess, month: dt.date) -> HttpResponse:
    retro = existing_retro(access.team, month)
    context = {
        **base_context(request, access, month, retro),
        **figures_context(access, month, retro),
        "has_ended": has_ended(access.team, month),
        "open_actions": ActionItem.objects.for_retro_page(access.team, month).open().count(),
    }
    return render(request, "retros/close_confirm.html", context)
