"""Accepting an invitation: a new person sets name and password; a signed-in one joins in one click.

A link that expired, was used or replaced, or was tampered with gets a page saying so (never a 500).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from stories.core.policy import asks
from stories.members import actions
from stories.members.forms import NewMemberForm
from stories.members.models import Invitation

PROBLEM_STATUS = {
    actions.LinkProblem.TAMPERED: 404,
    actions.LinkProblem.EXPIRED: 410,
    actions.LinkProblem.USED: 410,
}


def _joined(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    messages.success(request, _("Welcome to %(team)s!") % {"team": invitation.team.name})
    return redirect("dashboard")


@login_not_required
@require_http_methods(["GET", "HEAD", "POST"])
@asks(public=True)
def accept(request: HttpRequest, token: str) -> HttpResponse:
    found = actions.look_up(token)
    invitation = found.invitation
    if found.problem or invitation is None:
        return _problem(request, found.problem or actions.LinkProblem.TAMPERED, invitation)
    context: dict[str, Any] = {"invitation": invitation, "team": invitation.team}
    if request.user.is_authenticated:
        if request.method == "POST":
            return _accept_or_explain(request, invitation, request.user)
        return render(request, "members/invitation_join.html", context)
    if actions.existing_account(invitation) is not None:
        return render(request, "members/invitation_login.html", context)
    form = NewMemberForm(request.POST if request.method == "POST" else None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            # One transaction: a link used meanwhile leaves no account behind.
            with transaction.atomic():
                user = actions.create_account(
                    invitation,
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                    password=form.cleaned_data["password1"],
                )
                actions.accept(invitation, user)
        except actions.MembershipError:
            return _used(request, invitation)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return _joined(request, invitation)
    context["form"] = form
    return render(request, "members/invitation_signup.html", context, status=400 if form.errors else 200)


def _problem(
    request: HttpRequest, problem: actions.LinkProblem, invitation: Invitation | None
) -> HttpResponse:
    """The page saying why the link no longer works."""
    context = {
        "problem": problem,
        "LinkProblem": actions.LinkProblem,
        "team": invitation.team if invitation else None,
    }
    return render(request, "members/invitation_problem.html", context, status=PROBLEM_STATUS[problem])


def _used(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    return _problem(request, actions.LinkProblem.USED, invitation)


def _accept_or_explain(request: HttpRequest, invitation: Invitation, user: object) -> HttpResponse:
    try:
        actions.accept(invitation, user)
    except actions.MembershipError:
        return _used(request, invitation)
    return _joined(request, invitation)
