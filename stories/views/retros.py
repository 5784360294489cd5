"""The monthly retro, its exports, the trends page and the cross-team comparison.

Reading a team's retro: its members, and moderators (who compare teams). Taking part (votes,
action items): members. Notes, close and reopen: the team's lead (or a superuser).
The Retro row is created on the first POST that needs it, never by looking at a month.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Value
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from stories import charts
from stories.forms_retros import ActionItemForm, AssignForm, NotesForm, TrendsForm
from stories.http import HtmxHttpRequest, TeamAccess, get_team_access
from stories.karma import month_section
from stories.models import (
    ActionItem,
    Channel,
    Kind,
    Perspective,
    Retro,
    RetroVote,
    Story,
    Team,
    is_moderator,
)
from stories.models.retro import MAX_VOTES_PER_MEMBER, RetroStateError
from stories.months import month_after, month_before
from stories.privacy_floor import FLOOR_RULE, OUTSIDE_RULE, PRIVACY_FLOOR
from stories.retro_stats import (
    KIND_PERSPECTIVE_CELLS,
    cross_team,
    current_month,
    figures_differ,
    has_stories,
    is_first_month,
    month_figures,
    month_label,
    ranked_stories,
    retro_index,
    snapshot_of,
    trend_figures,
)

HIGHLIGHT_COUNT = 3
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


# --- access ---------------------------------------------------------------------------------


def _person(request: HttpRequest) -> User:
    """The signed-in user; every view here is behind @login_required."""
    return cast(User, request.user)


def _require_member(access: TeamAccess) -> None:
    if not access.is_member:
        raise PermissionDenied(_("Only the team's members take part in its retro."))


def _require_lead(access: TeamAccess) -> None:
    if not access.is_lead:
        raise PermissionDenied(_("Only the team's lead can do this."))


def _month_or_404(team: Team, month: dt.date) -> dt.date:
    if month > current_month(team):
        raise Http404(_("That month has not happened yet."))
    return month


def _retro_url(team: Team, month: dt.date, anchor: str = "") -> str:
    url = reverse("retro_detail", kwargs={"slug": team.slug, "month": month})
    return f"{url}#{anchor}" if anchor else url


def _existing_retro(team: Team, month: dt.date) -> Retro | None:
    return Retro.objects.filter(team=team, month=month).select_related("closed_by").first()


def _retro_for_update(team: Team, month: dt.date) -> Retro:
    retro, _created = Retro.objects.get_or_create(team=team, month=month)
    return retro


# --- presenting figures ---------------------------------------------------------------------------

HEADLINE_CARDS = (
    ("good", Kind.GOOD.label),
    ("bad", Kind.BAD.label),
    ("gave", Perspective.GAVE.label),
    ("received", Perspective.RECEIVED.label),
)


def _heat(value: int | None, peak: int) -> int:
    """A shade from 0 (none) to 4 (the month's busiest cell)."""
    if not value or not peak:
        return 0
    return max(1, math.ceil(4 * value / peak))


def _present_figures(figures: dict[str, Any], month: dt.date) -> dict[str, Any]:
    """Labels, shades and SVG for the figures dict, whether it is live or a frozen snapshot."""
    headline = figures["headline"]
    previous_label = month_label(month_before(month))
    cards = [
        {"key": key, "label": label, **headline[key], "previous_label": previous_label}
        for key, label in HEADLINE_CARDS
    ]
    heatmap = figures["heatmap"]
    peak = max(
        (row[verdict] or 0 for row in heatmap["rows"] for verdict in ("honoured", "broken")), default=0
    )
    months = [dt.date.fromisoformat(f"{slug}-01") for slug in heatmap["months"]]
    month_names = [month_label(m, short=True) for m in months]
    rows = []
    for row in heatmap["rows"]:
        rows.append(
            {
                **row,
                "honoured_heat": _heat(row["honoured"], peak),
                "broken_heat": _heat(row["broken"], peak),
                "sparkline": charts.sparkline(
                    f"spark-{row['principle']}",
                    _("%(name)s over the last 12 months: honoured above the line, broken below")
                    % {"name": row["name"]},
                    row["honoured_series"],
                    row["broken_series"],
                ),
                "series": list(zip(row["honoured_series"], row["broken_series"], strict=True)),
            }
        )
    channel_labels = dict(Channel.choices)
    channel_rows = [
        {**row, "label": channel_labels.get(row["channel"], row["channel"])}
        for row in figures["channels"]["rows"]
    ]
    channel_chart = charts.hbar_chart(
        "channel-chart",
        _("Stories per channel"),
        [
            (row["label"], row["count"], charts.PALETTE[index % len(charts.PALETTE)])
            for index, row in enumerate(channel_rows)
        ]
        + [(_("Folded for privacy"), figures["channels"]["other"], charts.FOLDED)],
        description=_("The same figures are in the table below."),
    )
    return {
        "headline_cards": cards,
        "total": headline["total"],
        "went_beyond": headline["went_beyond"],
        # Snapshots frozen before anonymous authors were left out of the count have none to show.
        "named_contributors": headline.get("named_contributors"),
        "heatmap_rows": rows,
        "heatmap_other": heatmap["other"],
        "heatmap_folded": heatmap["folded"],
        "heatmap_months": month_names,
        "channel_rows": channel_rows,
        "channel_other": figures["channels"]["other"],
        "channel_folded": figures["channels"]["folded"],
        "channel_chart": channel_chart,
    }


def floor_context() -> dict[str, Any]:
    """The privacy floor as every page states it: the number, the rule and a folded cell's words."""
    return {
        "privacy_floor": PRIVACY_FLOOR,
        "floor_rule": FLOOR_RULE % {"floor": PRIVACY_FLOOR},
        "folded_text": _("fewer than %(floor)s people") % {"floor": PRIVACY_FLOOR},
    }


# --- the retro page, section by section ------------------------------------------------------------


def _base_context(
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


def _figures_context(access: TeamAccess, month: dt.date, retro: Retro | None) -> dict[str, Any]:
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
        **_present_figures(figures, month),
    }


def _highlights_context(
    request: HtmxHttpRequest, access: TeamAccess, month: dt.date, retro: Retro | None
) -> dict[str, Any]:
    """Voting candidates (the month's stories, most voted first) and the highlights leading the page."""
    team = access.team
    # The same ranking a closing retro freezes (retro_stats.highlight_votes).
    stories = ranked_stories(team, month, retro).select_related("author")
    if retro is not None and retro.pk is not None:
        mine = Exists(RetroVote.objects.filter(retro=retro, story=OuterRef("pk"), voter=_person(request)))
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
        votes_left = retro.votes_left_for(_person(request))
    return {
        "candidates": candidates,
        "highlights": highlights,
        "votes_left": votes_left,
        "max_votes": MAX_VOTES_PER_MEMBER,
        "can_vote": access.is_member and not (retro and retro.is_closed),
    }


def _members(team: Team) -> list[Any]:
    return list(get_user_model().objects.filter(memberships__team=team).order_by("first_name", "username"))


def _actions_context(
    access: TeamAccess, month: dt.date, retro: Retro | None, form: ActionItemForm | None = None
) -> dict[str, Any]:
    items = list(ActionItem.objects.for_retro_page(access.team, month))
    today = access.team.today()
    return {
        "action_items": [
            {"item": item, "carried": item.is_carried_into(month), "overdue": item.is_overdue_on(today)}
            for item in items
        ],
        "members": _members(access.team),
        "action_form": form or ActionItemForm(team=access.team),
        "can_act": access.is_member,
        "can_add_actions": access.is_member and not (retro and retro.is_closed),
    }


def _notes_context(access: TeamAccess, retro: Retro | None, form: NotesForm | None = None) -> dict[str, Any]:
    notes = retro.notes if retro else ""
    return {
        "notes": notes,
        "notes_form": form or NotesForm(initial={"notes": notes}),
        "can_edit_notes": access.is_lead and not (retro and retro.is_closed),
    }


def _karma_context(access: TeamAccess, month: dt.date, retro: Retro | None) -> dict[str, Any]:
    """The month's karma section: frozen with the figures when the retro closed, else live.

    Retros closed before the section was frozen have no copy of it and show it live.
    """
    frozen = retro.snapshot.get("karma") if retro and retro.is_closed and retro.snapshot else None
    if frozen is None:
        return {"karma": month_section(access.team, month), "karma_frozen": False}
    return {"karma": _without_unpublished_titles(access.team, frozen), "karma_frozen": True}


def _without_unpublished_titles(team: Team, karma: dict[str, Any]) -> dict[str, Any]:
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


def _full_context(
    request: HtmxHttpRequest,
    access: TeamAccess,
    month: dt.date,
    retro: Retro | None,
    **forms: Any,
) -> dict[str, Any]:
    return {
        **_base_context(request, access, month, retro),
        **_figures_context(access, month, retro),
        **_highlights_context(request, access, month, retro),
        **_actions_context(access, month, retro, forms.get("action_form")),
        **_notes_context(access, retro, forms.get("notes_form")),
        **_karma_context(access, month, retro),
    }


def _section_response(
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
        return redirect(_retro_url(access.team, month, section))
    context = _base_context(request, access, month, retro)
    if section == "highlights":
        context.update(_highlights_context(request, access, month, retro))
    elif section == "action-items":
        context.update(_actions_context(access, month, retro))
    elif section == "notes":
        context.update(_notes_context(access, retro))
    context[f"{section.replace('-', '_')}_error"] = error
    context.update(extra)
    return render(request, f"retros/retro.html#{section}", context)


# --- pages ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def retro_list(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    access = get_team_access(request, slug)
    entries = retro_index(access.team)
    for entry in entries:
        entry["name"] = month_label(entry["month"])
    return render(
        request, "retros/retro_list.html", {"team": access.team, "access": access, "entries": entries}
    )


@login_required
@require_http_methods(["GET", "HEAD"])
@vary_on_headers("HX-Request")
def retro_detail(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    _month_or_404(access.team, month)
    retro = _existing_retro(access.team, month)
    context = _full_context(request, access, month, retro)
    return render(request, "retros/retro.html#retro" if request.htmx else "retros/retro.html", context)


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
    _month_or_404(access.team, month)
    _require_member(access)
    story = get_object_or_404(Story.objects.filter(team=access.team), pk=story_id)
    retro = _retro_for_update(access.team, month)
    error = ""
    try:
        if cast:
            retro.vote(story, by=_person(request))
        else:
            retro.unvote(story, by=_person(request))
    except RetroStateError as exc:
        error = str(exc)
    return _section_response(request, access, month, retro, "highlights", error=error)


@login_required
@require_POST
def action_item_create(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    _month_or_404(access.team, month)
    _require_member(access)
    form = ActionItemForm(request.POST, team=access.team)
    retro = _existing_retro(access.team, month)
    if not form.is_valid():
        # Nothing typed is lost: the form comes back bound, with its errors next to the fields.
        if request.htmx:
            context = {
                **_base_context(request, access, month, retro),
                **_actions_context(access, month, retro, form),
            }
            return render(request, "retros/retro.html#action-items", context)
        context = _full_context(request, access, month, retro, action_form=form)
        return render(request, "retros/retro.html", context)
    retro = _retro_for_update(access.team, month)
    error = ""
    try:
        retro.add_action_item(
            text=form.cleaned_data["text"],
            owner=form.cleaned_data["owner"],
            due_on=form.cleaned_data["due_on"],
            by=_person(request),
        )
    except RetroStateError as exc:
        error = str(exc)
    return _section_response(request, access, month, retro, "action-items", error=error)


def _action_item(access: TeamAccess, month: dt.date, item_id: int) -> ActionItem:
    return get_object_or_404(
        ActionItem.objects.filter(team=access.team, retro__month__lte=month).select_related("retro"),
        pk=item_id,
    )


@login_required
@require_POST
def action_item_assign(request: HtmxHttpRequest, slug: str, month: dt.date, item_id: int) -> HttpResponse:
    access = get_team_access(request, slug)
    _month_or_404(access.team, month)
    _require_member(access)
    item = _action_item(access, month, item_id)
    form = AssignForm(request.POST, instance=item, team=access.team)
    error = ""
    if form.is_valid():
        item.assign(owner=form.cleaned_data["owner"], due_on=form.cleaned_data["due_on"], by=_person(request))
    else:
        error = " ".join(str(message) for messages_ in form.errors.values() for message in messages_)
    return _section_response(
        request, access, month, _existing_retro(access.team, month), "action-items", error=error
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
    _month_or_404(access.team, month)
    _require_member(access)
    item = _action_item(access, month, item_id)
    if done:
        item.complete(by=_person(request))
    else:
        item.reopen(by=_person(request))
    return _section_response(request, access, month, _existing_retro(access.team, month), "action-items")


@login_required
@require_POST
def retro_notes(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    _month_or_404(access.team, month)
    _require_lead(access)
    form = NotesForm(request.POST)
    if not form.is_valid():
        # Only a POST that changes something creates the month's retro row.
        retro = _existing_retro(access.team, month)
        if request.htmx:
            context = {**_base_context(request, access, month, retro), **_notes_context(access, retro, form)}
            return render(request, "retros/retro.html#notes", context)
        return render(
            request, "retros/retro.html", _full_context(request, access, month, retro, notes_form=form)
        )
    error = ""
    retro = _retro_for_update(access.team, month)
    try:
        retro.save_notes(form.cleaned_data["notes"], by=_person(request))
    except RetroStateError as exc:
        error = str(exc)
    if not error and not request.htmx:
        messages.success(request, _("Notes saved."))
    return _section_response(request, access, month, retro, "notes", error=error, notes_saved=not error)


@login_required
@require_POST
def retro_close(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    _month_or_404(access.team, month)
    _require_lead(access)
    retro = _retro_for_update(access.team, month)
    try:
        snapshot = snapshot_of(
            month_figures(access.team, month, retro), karma=month_section(access.team, month)
        )
        retro.close(by=_person(request), snapshot=snapshot)
    except RetroStateError as exc:
        return _whole_retro_response(request, access, month, error=str(exc))
    return _whole_retro_response(
        request, access, month, done=_("Retro closed: its figures and highlights are frozen.")
    )


@login_required
@require_POST
def retro_reopen(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    _month_or_404(access.team, month)
    _require_lead(access)
    retro = _existing_retro(access.team, month)
    try:
        if retro is None:  # Never closed, so never frozen: nothing to reopen, no row to create.
            raise RetroStateError(_("This retro is already open."))
        retro.reopen(by=_person(request))
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
        return redirect(_retro_url(access.team, month))
    context = _full_context(request, access, month, _existing_retro(access.team, month))
    context["retro_error"] = error
    return render(request, "retros/retro.html#retro", context)


# --- exports ------------------------------------------------------------------------------------


def _attachment(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export_author(story: Story) -> str:
    """Exports travel beyond the app, so anonymous stories never carry a name, whoever downloads."""
    if story.anonymous:
        return ""
    return story.author.get_full_name() or story.author.get_username()


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _md_cell(text: Any) -> str:
    return _one_line(text).replace("|", "\\|")


@login_required
@require_http_methods(["GET", "HEAD"])
def retro_markdown(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    _month_or_404(access.team, month)
    retro = _existing_retro(access.team, month)
    context = {
        **_base_context(request, access, month, retro),
        **_figures_context(access, month, retro),
        **_highlights_context(request, access, month, retro),
        **_actions_context(access, month, retro),
        **_notes_context(access, retro),
    }
    context["md_highlights"] = [
        {
            "title": _md_cell(row["story"].title) if row["story"] else _("(no longer published)"),
            "author": (_export_author(row["story"]) or _("Anonymous")) if row["story"] else "",
            "votes": row["votes"],
            "kind": row["story"].get_kind_display() if row["story"] else "",
        }
        for row in context["highlights"]
    ]
    context["md_items"] = [
        {
            "text": _md_cell(entry["item"].text),
            "owner": _md_cell(entry["item"].owner.get_full_name() or entry["item"].owner.get_username())
            if entry["item"].owner
            else "",
            **entry,
        }
        for entry in context["action_items"]
    ]
    content = render_to_string("retros/retro.md", context, request=request)
    return _attachment(content, "text/markdown; charset=utf-8", f"{access.team.slug}-retro-{month:%Y-%m}.md")


def _csv_cell(value: Any) -> Any:
    """Spreadsheets run cells starting with = + - @ as formulas; a leading ' keeps them text."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_PREFIXES):
        return "'" + value
    return value


CSV_HEADER = (
    "id",
    "date",
    "kind",
    "perspective",
    "channel",
    "title",
    "author",
    "went_beyond",
    "principles honoured",
    "principles broken",
)


@login_required
@require_http_methods(["GET", "HEAD"])
def retro_csv(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = get_team_access(request, slug)
    _month_or_404(access.team, month)
    stories = (
        Story.objects.published()
        .for_month(access.team, month.year, month.month)
        .with_related()
        .order_by("happened_on", "pk")
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for story in stories:
        tags = list(story.tags.all())
        writer.writerow(
            [
                _csv_cell(value)
                for value in (
                    story.pk,
                    story.happened_on.isoformat(),
                    story.kind,
                    story.perspective,
                    story.channel,
                    _one_line(story.title),
                    _export_author(story),
                    "yes" if story.went_beyond else "no",
                    "; ".join(tag.principle.name for tag in tags if tag.verdict == "honoured"),
                    "; ".join(tag.principle.name for tag in tags if tag.verdict == "broken"),
                )
            ]
        )
    return _attachment(
        buffer.getvalue(), "text/csv; charset=utf-8", f"{access.team.slug}-retro-{month:%Y-%m}.csv"
    )


# --- trends -------------------------------------------------------------------------------------


def _chart_labels(month_slugs: list[str]) -> list[str]:
    """Short axis labels: the month, with the year under it where the year starts or changes."""
    labels = []
    for index, slug in enumerate(month_slugs):
        month = dt.date.fromisoformat(f"{slug}-01")
        name = date_format(month, "M")
        labels.append(f"{name}\n{month.year}" if index == 0 or month.month == 1 else name)
    return labels


def _principle_multiple(row: dict[str, Any], labels: list[str], peak: int) -> dict[str, Any]:
    """One principle's small multiple: a chart when it has figures to draw, else a short text.

    `state` is "chart", "folded" (every figure it has rests on too few people, so an empty
    box would pretend nothing happened) or "untagged" (nobody tagged it in the window).
    """
    values = [*row["honoured"], *row["broken"]]
    folded_months = sum(
        1
        for honoured, broken in zip(row["honoured"], row["broken"], strict=True)
        if None in (honoured, broken)
    )
    state = "chart" if any(values) else "folded" if folded_months else "untagged"
    chart = None
    if state == "chart":
        chart = charts.diverging_bars(
            f"chart-principle-{row['principle']}",
            _("%(name)s: honoured above the line, broken below, month by month") % {"name": row["name"]},
            labels,
            row["honoured"],
            row["broken"],
            peak=peak,
            up_name=_("honoured"),
            down_name=_("broken"),
            folded_name=_("folded for privacy"),
        )
    return {
        **row,
        "state": state,
        "chart": chart,
        "folded_months": folded_months,
        "cells": list(zip(row["honoured"], row["broken"], strict=True)),
    }


@login_required
@require_http_methods(["GET", "HEAD"])
def trends(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    access = get_team_access(request, slug)
    form = TrendsForm(request.GET or None)
    months = form.months_or_default()
    data = trend_figures(access.team, months)
    labels = _chart_labels(data["months"])
    good_bad_chart = charts.bar_chart(
        "chart-good-bad",
        _("Good and bad service stories per month"),
        labels,
        [
            charts.Series(str(Kind.GOOD.label), data["good"], charts.GOOD),
            charts.Series(str(Kind.BAD.label), data["bad"], charts.BAD),
        ],
        description=_("The same figures are in the table below the chart."),
    )
    share_chart = charts.line_chart(
        "chart-good-share",
        _("Share of good service stories, rolling 3 months"),
        labels,
        [charts.Series(_("Good, rolling 3 months"), data["rolling_good_share"], charts.BRAND)],
        top=100,
        unit="%",
        description=_("The same figures are in the table below the chart."),
    )
    channel_labels = dict(Channel.choices)
    channel_series = [
        charts.Series(str(channel_labels[row["channel"]]), row["counts"], charts.PALETTE[index])
        for index, row in enumerate(data["channels"]["rows"])
    ] + [charts.Series(_("Folded for privacy"), data["channels"]["other"], charts.FOLDED)]
    channel_chart = charts.bar_chart(
        "chart-channels",
        _("Stories per channel and month"),
        labels,
        channel_series,
        stacked=True,
        description=_("The same figures are in the table below the chart."),
    )
    actions_chart = charts.bar_chart(
        "chart-actions",
        _("Action items added and done per month"),
        labels,
        [
            charts.Series(_("Added"), data["actions"]["created"], charts.BRAND),
            charts.Series(_("Done"), data["actions"]["done"], charts.GOOD),
        ],
        description=_("The same figures are in the table below the chart."),
    )
    principle_peak = max(
        (v or 0 for row in data["principles"]["rows"] for v in [*row["honoured"], *row["broken"]]), default=0
    )
    principle_rows = [_principle_multiple(row, labels, principle_peak) for row in data["principles"]["rows"]]
    context = {
        "team": access.team,
        "access": access,
        "form": form,
        "months": months,
        "month_choices": (3, 6, 12, 24, 36),
        "data": data,
        "rows": [
            {
                "label": label,
                "slug": slug_,
                "good": data["good"][i],
                "bad": data["bad"][i],
                "total": data["total"][i],
                "share": data["rolling_good_share"][i],
                "created": data["actions"]["created"][i],
                "done": data["actions"]["done"][i],
                "channels": [row["counts"][i] for row in data["channels"]["rows"]],
                "channel_other": data["channels"]["other"][i],
                "principle_other": (
                    data["principles"]["other_honoured"][i],
                    data["principles"]["other_broken"][i],
                ),
            }
            for i, (label, slug_) in enumerate(zip(data["labels"], data["months"], strict=True))
        ],
        "channel_names": [channel_labels[row["channel"]] for row in data["channels"]["rows"]],
        "principle_rows": principle_rows,
        "good_bad_chart": good_bad_chart,
        "share_chart": share_chart,
        "channel_chart": channel_chart,
        "actions_chart": actions_chart,
        **floor_context(),
        "has_stories": any(data["total"]),
    }
    return render(request, "retros/trends.html", context)


# --- across teams -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def retros_across_teams(request: HtmxHttpRequest, month: dt.date) -> HttpResponse:
    if not is_moderator(request.user):
        raise PermissionDenied(_("Only moderators compare teams."))
    teams = list(Team.objects.order_by("name"))
    # Teams live in different zones: a month is open once it has begun for at least one team.
    latest = max((current_month(team) for team in teams), default=month)
    if month > latest:
        raise Http404(_("That month has not happened yet."))
    rows = cross_team(teams, month)
    chart = charts.bar_chart(
        "chart-teams",
        _("Good and bad service stories per team"),
        [row["team"].name for row in rows],
        [
            charts.Series(str(Kind.GOOD.label), [row["good"] for row in rows], charts.GOOD),
            charts.Series(str(Kind.BAD.label), [row["bad"] for row in rows], charts.BAD),
        ],
        description=_("The same figures are in the table below the chart."),
    )
    context = {
        "month": month,
        "month_name": month_label(month),
        "previous_month": None if is_first_month(month) else month_before(month),
        "next_month": month_after(month) if month < latest else None,
        "rows": rows,
        "cell_headers": [
            f"{Kind(kind).label} · {Perspective(perspective).label}"
            for kind, perspective in KIND_PERSPECTIVE_CELLS
        ],
        "chart": chart,
        **floor_context(),
        "floor_rule": OUTSIDE_RULE % {"floor": PRIVACY_FLOOR},
    }
    return render(request, "retros/across_teams.html", context)
