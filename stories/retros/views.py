"""The retro pages: a team's list of retros, the monthly retro, trends, and the cross-team comparison.

Reading a team's retro: its members, and moderators (who compare teams)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from stories.core import policy
from stories.core.fragments import rendered_once
from stories.core.htmx import render_page_or_partial
from stories.core.http import HtmxHttpRequest, get_team_access
from stories.core.months import current_month, is_first_month, month_after, month_before, month_label
from stories.core.policy import asks
from stories.models import Kind, Perspective, Team
from stories.retros import charts
from stories.retros.due import due_month, status_of
from stories.retros.figures import KIND_PERSPECTIVE_CELLS, cross_team, retro_index
from stories.retros.forms import TrendsForm
from stories.retros.presentation import present_trends
from stories.retros.privacy_floor import OUTSIDE_RULE, PRIVACY_FLOOR
from stories.retros.sections import (
    base_context,
    existing_retro,
    floor_context,
    full_context,
    highlights_context,
    retro_access,
    shown_candidates,
)
from stories.retros.trends import trend_figures


@login_required
@require_http_methods(["GET", "HEAD"])
@asks()
def retro_list(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    access = get_team_access(request, slug)
    due = due_month(access.team)
    entries = retro_index(access.team)
    for entry in entries:
        entry["name"] = month_label(entry["month"])
        entry["status"] = status_of(entry["retro"])
        entry["is_due"] = entry["month"] == due
    context = {
        "team": access.team,
        "access": access,
        "entries": entries,
        "due_month": due,
        "due_name": month_label(due),
        "due_is_running": due == current_month(access.team),
    }
    return render(request, "retros/retro_list.html", context)


@login_required
@require_http_methods(["GET", "HEAD"])
@asks()
def retro_detail(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = retro_access(request, slug, month)
    retro = existing_retro(access.team, month)
    shown = shown_candidates(request)
    if request.htmx and request.htmx.target == "highlights":
        # "Show more": just the voting list, longer.
        context = {
            **base_context(request, access, month, retro),
            **highlights_context(request, access, month, retro, shown),
        }
        return render(request, "retros/retro.html#highlights", context)
    context = full_context(request, access, month, retro, shown=shown)
    return render_page_or_partial(request, "retros/retro.html", "retro", context)


@login_required
@require_http_methods(["GET", "HEAD"])
@asks()
def trends(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    access = get_team_access(request, slug)
    form = TrendsForm(request.GET or None)
    months = form.months_or_default()
    data = trend_figures(access.team, months)
    floor = floor_context()
    figures = {"data": data, "team_slug": access.team.slug, **floor}
    context = {
        "team": access.team,
        "access": access,
        "form": form,
        "months": months,
        "month_choices": (3, 6, 12, 24, 36),
        "figures_html": rendered_once(
            "retros/_trends_figures.html",
            figures,
            lambda: {**figures, "has_stories": any(data["total"]), **present_trends(data)},
        ),
    }
    return render(request, "retros/trends.html", context)


@login_required
@require_http_methods(["GET", "HEAD"])
@asks(policy.can_compare_teams)
def retros_across_teams(request: HtmxHttpRequest, month: dt.date) -> HttpResponse:
    teams = list(Team.objects.order_by("name"))
    # Teams live in different zones: a month is open once it has begun for at least one team.
    latest = max((current_month(team) for team in teams), default=month)
    if month > latest:
        raise Http404(_("That month has not happened yet."))
    shown = {
        "month": month,
        "month_name": month_label(month),
        "rows": [
            {
                **{key: value for key, value in row.items() if key not in ("team", "retro")},
                "team_name": row["team"].name,
                "team_slug": row["team"].slug,
                "status": status_of(row["retro"]),
            }
            for row in cross_team(teams, month)
        ],
        "cell_headers": [
            f"{Kind(kind).label} · {Perspective(perspective).label}"
            for kind, perspective in KIND_PERSPECTIVE_CELLS
        ],
        **floor_context(),
        "floor_rule": OUTSIDE_RULE % {"floor": PRIVACY_FLOOR},
    }

    def chart() -> SafeString:
        rows = shown["rows"]
        return charts.bar_chart(
            "chart-teams",
            _("Good and bad service stories per team"),
            [row["team_name"] for row in rows],
            [
                charts.Series(str(Kind.GOOD.label), [row["good"] for row in rows], charts.GOOD),
                charts.Series(str(Kind.BAD.label), [row["bad"] for row in rows], charts.BAD),
            ],
            description=_("The same figures are in the table below the chart."),
        )

    context = {
        "month": month,
        "month_name": shown["month_name"],
        "previous_month": None if is_first_month(month) else month_before(month),
        "next_month": month_after(month) if month < latest else None,
        "figures_html": rendered_once(
            "retros/_across_teams_figures.html", shown, lambda: {**shown, "chart": chart()}
        ),
    }
    return render(request, "retros/across_teams.html", context)
