"""The members page: who is in the team, invitations, roles, removals and the change log.

Members read the list; leads of the team, moderators and superusers change it (stories/core/policy.py, asked through the loader in core/http.py).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Case, OuterRef, Subquery, When
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from stories.core import policy
from stories.core.http import (
    AuthenticatedHttpRequest,
    TeamAccess,
    get_team_access,
    parse_id,
)
from stories.core.policy import asks, can_manage_members
from stories.members import actions
from stories.members.forms import InviteForm, RoleForm, TeamLanguageForm
from stories.members.models import Invitation, MembershipChange
from stories.models import Membership, Role, Story

LOG_LENGTH = 30
MEMBERS_PER_PAGE = 50


def _members(access: TeamAccess, page_number: str | None) -> Page[Any]:
    last_story = (
        # Published, signed stories only: an anonymous story's date must not point at its author.
        # The newest one, read backwards on story_author_created_idx until the first that fits
        # (a MAX grouped by author read every story of each member: 4.9 s for 280 members at 1M).
        Story.objects.published()
        .filter(team=access.team, author=OuterRef("user"), anonymous=False)
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    members = (
        Membership.objects.filter(team=access.team)
        .select_related("user")
        .annotate(last_story_at=Subquery(last_story))
        # Leads first ("-role" sorted the words, which put members first), then by name.
        .order_by(Case(When(role=Role.LEAD, then=0), default=1), "user__first_name", "user__username", "pk")
    )
    # A page at a time: each row carries two forms, and a team of hundreds made a 400 KB page.
    return Paginator(members, MEMBERS_PER_PAGE).get_page(page_number)


def _page(
    request: AuthenticatedHttpRequest, access: TeamAccess, invite_form: InviteForm | None = None
) -> HttpResponse:
    manages = can_manage_members(request.user, access.team)
    context = {
        "team": access.team,
        "manages": manages,
        "members": _members(access, request.GET.get("page")),
        "invite_form": invite_form or InviteForm(),
        "pending": list(Invitation.objects.pending_for(access.team, timezone.now())) if manages else [],
        "log": list(MembershipChange.objects.for_team(access.team)[:LOG_LENGTH]) if manages else [],
        "invitations_left": actions.invitations_left(request.user, timezone.now()) if manages else 0,
        "language_form": (
            TeamLanguageForm(instance=access.team)
            if policy.can_change_team_settings(request.user, access.team)
            else None
        ),
    }
    return render(request, "members/members.html", context, status=400 if invite_form else 200)


@login_required
@require_safe
@asks()
def members(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    return _page(request, get_team_access(request, slug))


@login_required
@require_POST
@asks(policy.can_manage_members)
def invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = get_team_access(request, slug)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _page(request, access, invite_form=form)
    emails = form.cleaned_data["emails"]
    already = set(
        Membership.objects.filter(team=access.team, user__email__in=emails).values_list(
            "user__email", flat=True
        )
    )
    to_invite = [email for email in emails if email not in already]
    try:
        sent = actions.invite(access.team, to_invite, role=form.cleaned_data["role"], by=request.user)
    except actions.MembershipError as error:
        form.add_error("emails", str(error))
        return _page(request, access, invite_form=form)
    if sent:
        messages.success(
            request,
            ngettext("Invitation sent to %(list)s.", "Invitations sent to %(list)s.", len(sent))
            % {"list": ", ".join(i.email for i in sent)},
        )
    if already:
        messages.info(request, _("Already in the team: %(list)s.") % {"list": ", ".join(sorted(already))})
    return redirect("members", access.team.slug)


@login_required
@require_POST
@asks(policy.can_manage_members)
def resend(request: AuthenticatedHttpRequest, slug: str, invitation_id: str) -> HttpResponse:
    """A new link to the same address; the old link stops working."""
    access = get_team_access(request, slug)
    pk = parse_id(invitation_id)
    invitation = Invitation.objects.open().filter(team=access.team, pk=pk).first() if pk else None
    if invitation is None:
        raise Http404("No such invitation.")
    try:
        actions.invite(access.team, [invitation.email], role=invitation.role, by=request.user)
    except actions.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("A new link was sent to %(email)s.") % {"email": invitation.email})
    return redirect("members", access.team.slug)


def _membership(access: TeamAccess, membership_id: str) -> Membership:
    pk = parse_id(membership_id)
    membership = (
        Membership.objects.select_related("user", "team").filter(team=access.team, pk=pk).first()
        if pk
        else None
    )
    if membership is None:
        raise Http404("No such member.")
    return membership


@login_required
@require_POST
@asks(policy.can_manage_members)
def change_role(request: AuthenticatedHttpRequest, slug: str, membership_id: str) -> HttpResponse:
    access = get_team_access(request, slug)
    membership = _membership(access, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role."))
        return redirect("members", access.team.slug)
    try:
        if actions.change_role(membership, form.cleaned_data["role"], by=request.user):
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": actions.label(membership.user), "role": membership.get_role_display().lower()},
            )
    except actions.MembershipError as error:
        messages.error(request, str(error))
    return redirect("members", access.team.slug)


@login_required
@require_POST
@asks(policy.can_manage_members)
def remove(request: AuthenticatedHttpRequest, slug: str, membership_id: str) -> HttpResponse:
    access = get_team_access(request, slug)
    membership = _membership(access, membership_id)
    try:
        actions.remove(membership, by=request.user)
    except actions.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s left %(team)s; their stories stay.")
            % {"name": actions.label(membership.user), "team": access.team.name},
        )
    return redirect("members", access.team.slug)


@login_required
@require_POST
@asks(policy.can_change_team_settings)
def team_language(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The language the team's stories are written in: search stems them in it."""
    access = get_team_access(request, slug)
    form = TeamLanguageForm(request.POST, instance=access.team)
    if not form.is_valid():
        return HttpResponse(_("Choose one of the languages offered."), status=400)
    access.team.set_language(form.cleaned_data["language"])
    messages.success(
        request,
        _("Saved: search now reads this team's stories in %(language)s.")
        % {"language": access.team.get_language_display()},
    )
    return redirect("members", access.team.slug)
