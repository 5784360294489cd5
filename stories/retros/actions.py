"""Editing an action item in place (compare-and-set) and dropping one with a reason."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from stories.core import policy
from stories.core.http import HtmxHttpRequest, TeamAccess
from stories.core.policy import asks
from stories.models import ActionItem
from stories.retros.forms import ActionItemEditForm, DropForm
from stories.retros.models import ActionItemConflict
from stories.retros.participation import action_item_of
from stories.retros.sections import (
    actions_context,
    base_context,
    existing_retro,
    full_context,
    person,
    retro_access,
    section_response,
)


@login_required
@require_POST
@asks(policy.can_take_part_in_retro)
def action_item_edit(request: HtmxHttpRequest, slug: str, month: dt.date, item_id: int) -> HttpResponse:
    access, item = _item_to_change(request, slug, month, item_id)
    form = ActionItemEditForm(request.POST, instance=item, team=access.team)
    if not form.is_valid():
        return _with_item_form(request, access, month, item, form, error="")
    try:
        item.edit(
            text=form.cleaned_data["text"],
            owner=form.cleaned_data["owner"],
            due_on=form.cleaned_data["due_on"],
            base_version=form.cleaned_data["version"],
            by=person(request),
        )
    except ActionItemConflict as conflict:
        # What the writer typed stays in the form, on top of the newer version, to check and resend.
        data = request.POST.copy()
        data[form.add_prefix("version")] = str(conflict.item.version)
        retyped = ActionItemEditForm(data, instance=conflict.item, team=access.team)
        retyped.is_valid()
        return _with_item_form(request, access, month, conflict.item, retyped, error=str(conflict))
    return section_response(request, access, month, existing_retro(access.team, month), "action-items")


@login_required
@require_POST
@asks(policy.can_take_part_in_retro)
def action_item_drop(request: HtmxHttpRequest, slug: str, month: dt.date, item_id: int) -> HttpResponse:
    access, item = _item_to_change(request, slug, month, item_id)
    form = DropForm(request.POST, item=item)
    if not form.is_valid():
        return _with_item_form(request, access, month, item, form, error="")
    item.drop(reason=form.cleaned_data["reason"], by=person(request))
    return section_response(request, access, month, existing_retro(access.team, month), "action-items")


def _item_to_change(
    request: HtmxHttpRequest, slug: str, month: dt.date, item_id: int
) -> tuple[TeamAccess, ActionItem]:
    """The team (for its members: the rule both views declare) and the item its retro shows."""
    access = retro_access(request, slug, month)
    return access, action_item_of(access, month, item_id)


def _with_item_form(
    request: HtmxHttpRequest,
    access: TeamAccess,
    month: dt.date,
    item: ActionItem,
    form: ActionItemEditForm | DropForm,
    *,
    error: str,
) -> HttpResponse:
    """The section again with this item's form bound: nothing typed is lost."""
    retro = existing_retro(access.team, month)
    edit_forms = {item.pk: form} if isinstance(form, ActionItemEditForm) else {}
    drop_forms = {item.pk: form} if isinstance(form, DropForm) else {}
    section = actions_context(
        access,
        month,
        retro,
        edit_forms=edit_forms,
        drop_forms=drop_forms,
        item_errors={item.pk: error} if error else {},
    )
    if request.htmx:
        context = {**base_context(request, access, month, retro), **section}
        return render(request, "retros/retro.html#action-items", context)
    context = {**full_context(request, access, month, retro), **section}
    return render(request, "retros/retro.html", context, status=409 if error else 200)
