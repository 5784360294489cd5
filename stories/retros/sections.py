"""The retro page, section by section: each builds its part of the context, so a POST can
re-render just the section it changed (htmx) or the whole page (no JavaScript).

The Retro row is created on the first POST that needs it, never by looking at a month."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Value
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from stories.core.fragments import rendered_once
from stories.core.http import HtmxHttpRequest, TeamAccess, get_team_access, more_count, shown_count
from stories.core.months import (
    current_month,
    has_ended,
    is_first_month,
    month_after,
    month_before,
    month_label,
)
from stories.karma.figures import month_section
from stories.models import (
    ActionItem,
    Retro,
    RetroVote,
    Story,
    Team,
)
from stories.retros.due import due_month, status_of
from stories.retros.figures import has_stories, month_figures, ranked_stories
from stories.retros.forms import ActionItemEditForm, ActionItemForm, DropForm, NotesForm, member_names
from stories.retros.live import live_context
from stories.retros.models import MAX_VOTES_PER_MEMBER
from stories.retros.presentation import draw_month_figures, present_figures
from stories.retros.privacy_floor import FLOOR_RULE, PRIVACY_FLOOR
from stories.retros.snapshots import figures_differ, read_snapshot

HIGHLIGHT_COUNT = 3
# The voting list's first rows and its ceiling: a 5,000-story month stays a page, not 5 MB.
CANDIDATES_SHOWN = 25
MAX_CANDIDATES_SHOWN = 300


def mine_filter(request: HttpRequest) -> User | None:
    """The "mine" filter of the action items: ?mine=1 shows only the viewer's items."""
    return person(request) if request.GET.get("mine") == "1" else None


def person(request: HttpRequest) -> User:
    """The signed-in user; every view here is behind @login_required."""
    return cast(User, request.user)


def month_or_404(team: Team, month: dt.date) -> dt.date:
    if month > current_month(team):
        raise Http404(_("That month has not happened yet."))
    return month


def retro_access(request: HttpRequest, slug: str, month: dt.date) -> TeamAccess:
    """What every retro view starts from: the team as the loader gives it (404 to whoever may
    not read it, 403 when the view's declared rule says no), and a month that has begun."""
    access = get_team_access(request, slug)
    month_or_404(access.team, month)
    return access


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
        "status": status_of(retro),
        "can_close": access.may_close_retro
        and not (retro and retro.is_closed)
        and has_ended(access.team, month),
        # Only the running month's page points back to an unclosed last month.
        "due_month": due_month(access.team) if month == this_month else None,
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
    snapshot = read_snapshot(retro)
    frozen = snapshot["figures"] if snapshot else None
    figures = frozen or live
    presented = present_figures(figures, month)
    return {
        "figures": figures,
        "live_figures": live,
        "frozen": frozen is not None,
        "frozen_at": snapshot["frozen_at"] if snapshot else None,
        "live_differs": frozen is not None and figures_differ(frozen, live),
        "has_stories": has_stories(figures),
        **presented,
        # Drawn when the template shows it: meeting mode and the .md report never do.
        "month_figures_html": partial(_month_figures_html, access.team, month, presented),
    }


def _month_figures_html(team: Team, month: dt.date, presented: dict[str, Any]) -> SafeString:
    """The principles and channels sections, drawn once for the same figures (core/fragments.py)."""
    shown = {
        "team_slug": team.slug,
        "month": month,
        "month_name": month_label(month),
        **floor_context(),
        **{key: value for key, value in presented.items() if key.startswith(("heatmap_", "channel_"))},
    }
    return rendered_once("retros/_month_figures.html", shown, lambda: {**shown, **draw_month_figures(shown)})


def shown_candidates(request: HttpRequest) -> int:
    """How many voting candidates to list: the top ones first, more on "Show more" (bounded)."""
    return shown_count(request, "shown", CANDIDATES_SHOWN, MAX_CANDIDATES_SHOWN)


def highlights_context(
    request: HtmxHttpRequest,
    access: TeamAccess,
    month: dt.date,
    retro: Retro | None,
    shown: int = 0,
) -> dict[str, Any]:
    """Voting candidates (the month's top stories, most voted first) and the highlights leading the page.

    A busy month has thousands of stories: the page lists the top `shown` and offers the next
    ones through "Show more", never the whole month.
    """
    team = access.team
    shown = shown or CANDIDATES_SHOWN
    # The same ranking a closing retro freezes (retro_stats.highlight_votes).
    # Tags too: every story opens in place, with its text, lesson and tags.
    stories = ranked_stories(team, month, retro).with_related()
    if retro is not None and retro.pk is not None:
        mine = Exists(RetroVote.objects.filter(retro=retro, story=OuterRef("pk"), voter=person(request)))
        stories = stories.annotate(mine=mine)
    else:
        stories = stories.annotate(mine=Value(False))
    candidates = list(stories[: shown + 1])
    more = len(candidates) > shown
    candidates = candidates[:shown]
    snapshot = read_snapshot(retro)
    if snapshot is not None:
        # A closed retro keeps its frozen ranking; a story hidden since is not shown again.
        frozen = snapshot["figures"]["highlights"][:HIGHLIGHT_COUNT]
        still_published = {
            story.pk: story
            for story in Story.objects.published()
            .filter(team=team, pk__in=[row["story"] for row in frozen])
            .with_related()
        }
        highlights = [{"story": still_published.get(row["story"]), "votes": row["votes"]} for row in frozen]
    else:
        # `votes` is the annotation made above.
        voted = [story for story in candidates[:HIGHLIGHT_COUNT] if story.votes]  # type: ignore[attr-defined]
        highlights = [{"story": story, "votes": story.votes} for story in voted]  # type: ignore[attr-defined]
    votes_left = MAX_VOTES_PER_MEMBER
    if retro is not None and access.may_take_part:
        votes_left = retro.votes_left_for(person(request))
    return {
        "candidates": candidates,
        "more_candidates": more_count(shown, CANDIDATES_SHOWN, MAX_CANDIDATES_SHOWN, more),
        "highlights": highlights,
        "votes_left": votes_left,
        "max_votes": MAX_VOTES_PER_MEMBER,
        "can_vote": access.may_take_part and not (retro and retro.is_closed),
    }


def actions_context(
    access: TeamAccess,
    month: dt.date,
    retro: Retro | None,
    form: ActionItemForm | None = None,
    *,
    mine_of: User | None = None,
    edit_forms: dict[int, Any] | None = None,
    drop_forms: dict[int, Any] | None = None,
    item_errors: dict[int, str] | None = None,
    with_forms: bool = True,
) -> dict[str, Any]:
    """The month's action items; with_forms=False for a report that only lists them (no
    team's worth of owner choices to load)."""
    items = ActionItem.objects.for_retro_page(access.team, month)
    if mine_of is not None:
        items = items.owned_by(mine_of)
    today = access.team.today()
    edit_forms, drop_forms, item_errors = edit_forms or {}, drop_forms or {}, item_errors or {}
    # The page already holds the team's members: every item's select reuses them.
    people = member_names(access.team) if with_forms else []
    rows = []
    for item in items:
        editable = with_forms and access.may_take_part and not item.is_done and not item.is_dropped
        row = {
            "item": item,
            "carried": item.is_carried_into(month),
            "overdue": item.is_overdue_on(today),
            "error": item_errors.get(item.pk, ""),
            "form": None,
            "drop_form": None,
        }
        if editable:
            row["form"] = edit_forms.get(item.pk) or ActionItemEditForm(
                instance=item, team=access.team, members=people
            )
            row["drop_form"] = drop_forms.get(item.pk) or DropForm(item=item)
        rows.append(row)
    return {
        "action_items": rows,
        "mine_only": mine_of is not None,
        "action_form": (form or ActionItemForm(team=access.team, members=people)) if with_forms else None,
        "can_act": access.may_take_part,
        "can_add_actions": access.may_take_part and not (retro and retro.is_closed),
    }


def notes_context(
    access: TeamAccess, month: dt.date, retro: Retro | None, form: NotesForm | None = None
) -> dict[str, Any]:
    notes = retro.notes if retro else ""
    version = retro.notes_version if retro else 0
    url = reverse("retro_notes", kwargs={"slug": access.team.slug, "month": month})
    if form is not None:
        form.fields["notes"].widget.attrs.update(NotesForm(autosave_url=url).fields["notes"].widget.attrs)
    return {
        "notes": notes,
        "notes_version": version,
        "notes_saved_at": timezone.localtime(timezone.now(), access.team.zone),
        "notes_form": form or NotesForm(initial={"notes": notes, "version": version}, autosave_url=url),
        # Everyone in the room writes the notes together; compare-and-set keeps every word.
        "can_edit_notes": access.may_edit_notes and not (retro and retro.is_closed),
    }


def karma_context(access: TeamAccess, month: dt.date, retro: Retro | None) -> dict[str, Any]:
    """The month's karma section: frozen with the figures when the retro closed, else live.

    Retros closed before the section was frozen have no copy of it and show it live.
    """
    snapshot = read_snapshot(retro)
    frozen = snapshot.get("karma") if snapshot else None
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
        **live_context(access.team.pk, month, mine=mine_filter(request) is not None),
        **base_context(request, access, month, retro),
        **figures_context(access, month, retro),
        **highlights_context(request, access, month, retro, forms.get("shown", 0)),
        **actions_context(access, month, retro, forms.get("action_form"), mine_of=mine_filter(request)),
        **notes_context(access, month, retro, forms.get("notes_form")),
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
        context.update(notes_context(access, month, retro))
    context[f"{section.replace('-', '_')}_error"] = error
    context.update(extra)
    return render(request, f"retros/retro.html#{section}", context)
