"""The retro page, section by section: each builds its part of the context, so a POST can
re-render just the section it changed (htmx) or the whole page (no JavaScript).

The Retro row is created on the first POST that needs it, never by looking at a month."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Value
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from stories.core.http import HtmxHttpRequest, TeamAccess
from stories.core.months import current_month, is_first_month, month_after, month_before, month_label
from stories.karma.figures import month_section
from stories.models import (
    ActionItem,
    Retro,
    RetroVote,
    Story,
    Team,
)
from stories.retros.figures import figures_differ, has_stories, month_figures, ranked_stories
from stories.retros.forms import ActionItemForm, NotesForm
from stories.retros.models import MAX_VOTES_PER_MEMBER
from stories.retros.presentation import present_figures
from stories.retros.privacy_floor import FLOOR_RULE, PRIVACY_FLOOR

HIGHLIGHT_COUNT = 3


def person(request: HttpRequest) -> User:
    """The signed-in user; every view here is behind @login_required."""
    return cast(User, request.user)


def require_member(access: TeamAccess) -> None:
    if not access.is_member:
        raise PermissionDenied(_("Only the team's members take part in its retro."))


def require_lead(access: TeamAccess) -> None:
    if not access.is_lead:
        raise PermissionDenied(_("Only the team's lead can do this."))


def month_or_404(team: Team, month: dt.date) -> dt.date:
    if month > current_month(team):
        raise Http404(_("That month has not happened yet."))
    return month


def retro_url(team: Team, month: dt.date, anchor: str = "") -> str:
    url = reverse("retro_detail", kwargs={"slug": team.slug, "month": month})
    return f"{url}#{anchor}" if anchor else url


def existing_retro(team: Team, month: dt.date) -> Retro | None:
    return Retro.objects.filter(team=team, month=month).select_related("closed_by").first()


def retro_for_update(team: Team, month: dt.date) -> Retro:
    retro, _created = Retro.objects.get_or_create(team=team, month=month)
    return retro


def base_context(
    request: HtmxHttpRequest, access: TeamAccess, month: dt.date, retro: Retro | None
) -> dict[str, Any]:
    this_month = current_month(access.team)
    return {
        "team": access.team,
        "access": access,
        "month": month,
        "month_name": month_label(month),
        "previous_month": None if is_first_month(month) else month_before(month),
        "next_month": month_after(month) if month < this_month else None,
        "is_current_month": month == this_month,
        "today": access.team.today(),
        "retro": retro,
        "is_closed": bool(retro and retro.is_closed),
        **floor_context(),
    }


def floor_context() -> dict[str, Any]:
    """The privacy floor as every page states it: the number, the rule and a folded cell's words."""
    return {
        "privacy_floor": PRIVACY_FLOOR,
        "floor_rule": FLOOR_RULE % {"floor": PRIVACY_FLOOR},
        "folded_text": _("fewer than %(floor)s people") % {"floor": PRIVACY_FLOOR},
    }


def figures_context(access: TeamAccess, month: dt.date, retro: Retro | None) -> dict[str, Any]:
    live = month_figures(access.team, month, retro)
    frozen = retro.snapshot["figures"] if retro and retro.is_closed and retro.snapshot else None
    figures = frozen or live
    return {
        "figures": figures,
        "live_figures": live,
        "frozen": frozen is not None,
        "frozen_at": retro.snapshot.get("frozen_at") if frozen and retro and retro.snapshot else None,
        "live_differs": frozen is not None and figures_differ(frozen, live),
        "has_stories": has_stories(figures),
        **present_figures(figures, month),
    }


def highlights_context(
    request: HtmxHttpRequest, access: TeamAccess, month: dt.date, retro: Retro | None
) -> dict[str, Any]:
    """Voting candidates (the month's stories, most voted first) and the highlights leading the page."""
    team = access.team
    # The same ranking a closing retro freezes (retro_stats.highlight_votes).
    stories = ranked_stories(team, month, retro).select_related("author")
    if retro is not None and retro.pk is not None:
        mine = Exists(RetroVote.objects.filter(retro=retro, story=OuterRef("pk"), voter=person(request)))
        stories = stories.annotate(mine=mine)
    else:
        stories = stories.annotate(mine=Value(False))
    candidates = list(stories)
    if retro is not None and retro.is_closed and retro.snapshot:
        # A closed retro keeps its frozen ranking; a story hidden since is not shown again.
        frozen = retro.snapshot["figures"]["highlights"][:HIGHLIGHT_COUNT]
        still_published = {
            story.pk: story
            for story in Story.objects.published()
            .filter(team=team, pk__in=[row["story"] for row in frozen])
            .select_related("author")
        }
        highlights = [{"story": still_published.get(row["story"]), "votes": row["votes"]} for row in frozen]
    else:
        # `votes` is the annotation made above.
        voted = [story for story in candidates[:HIGHLIGHT_COUNT] if story.votes]  # type: ignore[attr-defined]
        highlights = [{"story": story, "votes": story.votes} for story in voted]  # type: ignore[attr-defined]
    votes_left = MAX_VOTES_PER_MEMBER
    if retro is not None and access.is_member:
        votes_left = retro.votes_left_for(person(request))
    return {
        "candidates": candidates,
        "highlights": highlights,
        "votes_left": votes_left,
        "max_votes": MAX_VOTES_PER_MEMBER,
        "can_vote": access.is_member and not (retro and retro.is_closed),
    }


def members(team: Team) -> list[Any]:
    return list(get_user_model().objects.filter(memberships__team=team).order_by("first_name", "username"))


def actions_context(
    access: TeamAccess, month: dt.date, retro: Retro | None, form: ActionItemForm | None = None
) -> dict[str, Any]:
    items = list(ActionItem.objects.for_retro_page(access.team, month))
    today = access.team.today()
    return {
        "action_items": [
            {"item": item, "carried": item.is_carried_into(month), "overdue": item.is_overdue_on(today)}
            for item in items
        ],
        "members": members(access.team),
        "action_form": form or ActionItemForm(team=access.team),
        "can_act": access.is_member,
        "can_add_actions": access.is_member and not (retro and retro.is_closed),
    }


def notes_context(access: TeamAccess, retro: Retro | None, form: NotesForm | None = None) -> dict[str, Any]:
    notes = retro.notes if retro else ""
    return {
        "notes": notes,
        "notes_form": form or NotesForm(initial={"notes": notes}),
        "can_edit_notes": access.is_lead and not (retro and retro.is_closed),
    }


def karma_context(access: TeamAccess, month: dt.date, retro: Retro | None) -> dict[str, Any]:
    """The month's karma section: frozen with the figures when the retro closed, else live.

    Retros closed before the section was frozen have no copy of it and show it live.
    """
    frozen = retro.snapshot.get("karma") if retro and retro.is_closed and retro.snapshot else None
    if frozen is None:
        return {"karma": month_section(access.team, month), "karma_frozen": False}
    return {"karma": without_unpublished_titles(access.team, frozen), "karma_frozen": True}


def without_unpublished_titles(team: Team, karma: dict[str, Any]) -> dict[str, Any]:
    """The frozen section, minus the titles of stories hidden or withdrawn since (one query).

    The figures stay as they were; a story that is no longer published is not shown again,
    as with the frozen highlights.
    """
    rows = karma.get("sequels", [])
    if not rows:
        return karma
    ids = {row[key] for row in rows for key in ("original_id", "sequel_id")}
    published = set(Story.objects.published().filter(team=team, pk__in=ids).values_list("pk", flat=True))
    shown = []
    for row in rows:
        row = dict(row)
        if row["original_id"] not in published:
            row.update(original_title="", cost_note="", original_gone=True)
        if row["sequel_id"] not in published:
            row.update(sequel_title="", sequel_gone=True)
        shown.append(row)
    return {**karma, "sequels": shown}


def full_context(
    request: HtmxHttpRequest,
    access: TeamAccess,
    month: dt.date,
    retro: Retro | None,
    **forms: Any,
) -> dict[str, Any]:
    return {
        **base_context(request, access, month, retro),
        **figures_context(access, month, retro),
        **highlights_context(request, access, month, retro),
        **actions_context(access, month, retro, forms.get("action_form")),
        **notes_context(access, retro, forms.get("notes_form")),
        **karma_context(access, month, retro),
    }


def section_response(
    request: HtmxHttpRequest,
    access: TeamAccess,
    month: dt.date,
    retro: Retro | None,
    section: str,
    *,
    error: str = "",
    **extra: Any,
) -> HttpResponse:
    """After a POST: htmx gets the changed section; a plain form is redirected back to it."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect(retro_url(access.team, month, section))
    context = base_context(request, access, month, retro)
    if section == "highlights":
        context.update(highlights_context(request, access, month, retro))
    elif section == "action-items":
        context.update(actions_context(access, month, retro))
    elif section == "notes":
        context.update(notes_context(access, retro))
    context[f"{section.replace('-', '_')}_error"] = error
    context.update(extra)
    return render(request, f"retros/retro.html#{section}", context)
