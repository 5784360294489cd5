"""The retro's figures, computed in the database.

Every function here runs a fixed number of GROUP BY queries whatever the number of stories;
Python only reshapes the handful of aggregate rows (one per month, principle or channel).

The figures are plain JSON-able dicts (ints, strings, lists) so that closing a retro can
freeze them in Retro.snapshot and the page can render a frozen retro and a live one alike.

Privacy floor: whether a breakdown cell (principle x verdict, channel, kind x perspective) is
shown or folded into "other" (its value becomes None and is added to the folded total) is
decided by stories.retros.privacy_floor from counts members can see for themselves; the queries
here only supply those counts (cell_facts). Headline totals are never folded.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import Count, IntegerField, Q, Value
from django.db.models.functions import TruncMonth

from stories.core.figure_cache import each_team_month, month_by_month, month_figure, named_month_figure
from stories.core.months import (
    FIRST_YEAR,
    current_month,
    month_after,
    month_before,
    month_slug,
    months_ending,
    months_from,
)
from stories.log.models import StoryQuerySet
from stories.models import (
    ActionItem,
    Channel,
    Kind,
    Perspective,
    Principle,
    Retro,
    Status,
    Story,
    StoryPrinciple,
    Team,
    Verdict,
)
from stories.retros.privacy_floor import PRIVACY_FLOOR, Audience, CellFacts, shown
from stories.retros.shapes import Channels, Heatmap, HighlightVote, MonthFigures
from stories.retros.snapshots import SNAPSHOT_VERSION, read_snapshot

__all__ = ["PRIVACY_FLOOR"]

SPARKLINE_MONTHS = 12
# Highlights, most voted first; ties go to the later story. One ordering for the live page
# and for the snapshot a closing retro freezes, so closing never reshuffles the highlights.
HIGHLIGHT_ORDER = ("-votes", "-happened_on", "-pk")


def as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def published_of(team: Team) -> StoryQuerySet:
    return Story.objects.published().filter(team=team)


def cell_facts(prefix: str = "") -> dict[str, Any]:
    """The public facts of a cell (see privacy_floor.CellFacts): never who wrote an anonymous story."""
    return {
        "count": Count("pk"),
        "named_authors": Count(f"{prefix}author", distinct=True, filter=Q(**{f"{prefix}anonymous": False})),
        "anonymous": Count("pk", filter=Q(**{f"{prefix}anonymous": True})),
    }


def floored(row: dict[str, Any], audience: Audience = Audience.TEAM) -> int | None:
    """The cell's count, or None when the privacy floor folds it."""
    return shown(CellFacts.from_row(row), audience)


def _change(now: int, before: int) -> dict[str, int]:
    return {"now": now, "prev": before, "delta": now - before}


# --- one month --------------------------------------------------------------------------


def headline(team: Team, month_start: dt.date) -> dict[str, Any]:
    """Headline counts of the month and the month before, in one query (or from the cache)."""
    return month_figure(
        team.pk,
        "headline",
        month_before(month_start),
        month_start,
        compute=lambda: _headline(team, month_start),
    )


def _headline(team: Team, month_start: dt.date) -> dict[str, Any]:
    previous = month_before(month_start)
    this = Q(happened_on__gte=month_start)
    before = Q(happened_on__lt=month_start)
    splits = {
        "total": Q(),
        "good": Q(kind=Kind.GOOD),
        "bad": Q(kind=Kind.BAD),
        "gave": Q(perspective=Perspective.GAVE),
        "received": Q(perspective=Perspective.RECEIVED),
        "went_beyond": Q(went_beyond=True),
    }
    # Only people who signed a story are counted: with anonymous authors in the count, a
    # reader could match it against the names in the story list and tell who wrote the
    # anonymous story.
    aggregates: dict[str, Any] = {
        "named_contributors": Count("author", distinct=True, filter=this & Q(anonymous=False))
    }
    for key, condition in splits.items():
        aggregates[f"{key}_now"] = Count("pk", filter=this & condition)
        aggregates[f"{key}_prev"] = Count("pk", filter=before & condition)
    row = published_of(team).filter(happened_on__gte=previous, happened_on__lt=month_after(month_start))
    figures = row.aggregate(**aggregates)
    result: dict[str, Any] = {key: _change(figures[f"{key}_now"], figures[f"{key}_prev"]) for key in splits}
    result["named_contributors"] = figures["named_contributors"]
    return result


def _principle_cells(team: Team, first: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Tags per principle, month and verdict, with the public facts behind each cell."""
    return month_by_month(
        team.pk,
        "principle-cells",
        months_from(first, end),
        lambda start, stop: _count_principle_cells(team, start, stop),
        lambda row: as_date(row["month"]),
    )


def first_story_month(team: Team) -> dt.date | None:
    """The month of the team's earliest published story a month URL can name (stream index)."""
    first = (
        published_of(team)
        .filter(happened_on__gte=dt.date(FIRST_YEAR, 1, 1))
        .order_by("happened_on")
        .values_list("happened_on", flat=True)
        .first()
    )
    return first.replace(day=1) if first else None


def principle_totals(team: Team) -> dict[tuple[int, str], int]:
    """Tags per principle and verdict over the team's whole history, summed from the cached
    months: a new story makes only its own month count again."""
    first = first_story_month(team)
    if first is None:
        return {}
    totals: dict[tuple[int, str], int] = defaultdict(int)
    for cell in _principle_cells(team, first, month_after(current_month(team))):
        totals[(cell["principle_id"], cell["verdict"])] += cell["count"]
    return dict(totals)


def _count_principle_cells(team: Team, first: dt.date, end: dt.date) -> list[dict[str, Any]]:
    return list(
        StoryPrinciple.objects.filter(
            story__team=team,
            story__status=Status.PUBLISHED,
            story__happened_on__gte=first,
            story__happened_on__lt=end,
        )
        .annotate(month=TruncMonth("story__happened_on"))
        .values("principle_id", "month", "verdict")
        .annotate(**cell_facts("story__"))
        .order_by()
    )


def principle_month_rows(
    team: Team, months: Sequence[dt.date]
) -> tuple[list[dict[str, Any]], list[int], list[int], list[int]]:
    """Per principle: honoured and broken per month (None where folded), plus the folded totals."""
    index = {month: position for position, month in enumerate(months)}
    cells = _principle_cells(team, months[0], month_after(months[-1]))
    honoured, broken = Verdict.HONOURED.value, Verdict.BROKEN.value
    series: dict[int, dict[str, list[int | None]]] = defaultdict(
        lambda: {honoured: [0] * len(months), broken: [0] * len(months)}
    )
    other = {honoured: [0] * len(months), broken: [0] * len(months)}
    folded_cells = [0] * len(months)
    for cell in cells:
        position = index[as_date(cell["month"])]
        value = floored(cell)
        series[cell["principle_id"]][cell["verdict"]][position] = value
        if value is None:
            other[cell["verdict"]][position] += cell["count"]
            folded_cells[position] += 1
    rows = []
    for principle in Principle.objects.order_by("position"):
        if not principle.active and principle.pk not in series:
            continue
        data = series[principle.pk]
        rows.append(
            {
                "principle": principle.slug,
                "name": principle.local_name,
                "honoured": data[honoured],
                "broken": data[broken],
            }
        )
    return rows, other[honoured], other[broken], folded_cells


def heatmap(team: Team, month_start: dt.date) -> Heatmap:
    """Each principle honoured vs broken this month, with its 12-month line: kept as a whole,
    since laying its cells out by principle cost the retro page a tenth of its time."""
    months = months_ending(month_start, SPARKLINE_MONTHS)
    return named_month_figure(team.pk, "heatmap", *months, compute=lambda: _heatmap(team, months))


def _heatmap(team: Team, months: list[dt.date]) -> Heatmap:
    rows, other_honoured, other_broken, folded = principle_month_rows(team, months)
    return {
        "months": [month_slug(month) for month in months],
        "rows": [
            {
                "principle": row["principle"],
                "name": row["name"],
                "honoured": row["honoured"][-1],
                "broken": row["broken"][-1],
                "honoured_series": row["honoured"],
                "broken_series": row["broken"],
            }
            for row in rows
        ],
        "other": {"honoured": other_honoured[-1], "broken": other_broken[-1]},
        "folded": folded[-1],
    }


def channels(team: Team, month_start: dt.date) -> Channels:
    return month_figure(team.pk, "channels", month_start, compute=lambda: _channels(team, month_start))


def _channels(team: Team, month_start: dt.date) -> Channels:
    rows = {
        row["channel"]: row
        for row in published_of(team)
        .in_month(month_start)
        .values("channel")
        .annotate(**cell_facts())
        .order_by()
    }
    result: Channels = {"rows": [], "other": 0, "folded": 0}
    for channel in Channel.values:
        row = rows.get(channel, {})
        value = floored(row)
        if value is None:
            result["other"] += row["count"]
            result["folded"] += 1
        result["rows"].append({"channel": channel, "count": value})
    return result


def ranked_stories(team: Team, month_start: dt.date, retro: Retro | None) -> StoryQuerySet:
    """The month's published stories with their `votes` in this retro, in HIGHLIGHT_ORDER."""
    stories = Story.objects.published().for_month(team, month_start.year, month_start.month)
    votes: Any = (
        Count("retro_votes", filter=Q(retro_votes__retro=retro))
        if retro is not None and retro.pk is not None
        else Value(0, IntegerField())
    )
    return stories.annotate(votes=votes).order_by(*HIGHLIGHT_ORDER)


def highlight_votes(team: Team, month_start: dt.date, retro: Retro | None) -> list[HighlightVote]:
    """Voted stories in HIGHLIGHT_ORDER; stories hidden since no longer count."""
    if retro is None or retro.pk is None:
        return []
    voted = ranked_stories(team, month_start, retro).filter(Q(votes__gt=0)).only("pk")
    # `votes` is ranked_stories' annotation.
    return [{"story": story.pk, "votes": story.votes} for story in voted]  # type: ignore[attr-defined]


def month_figures(team: Team, month_start: dt.date, retro: Retro | None = None) -> MonthFigures:
    """Everything the retro shows as figures, JSON-able so a closed retro can keep it."""
    return {
        "version": SNAPSHOT_VERSION,
        "month": month_slug(month_start),
        "headline": headline(team, month_start),
        "heatmap": heatmap(team, month_start),
        "channels": channels(team, month_start),
        "highlights": highlight_votes(team, month_start, retro),
    }


def has_stories(figures: MonthFigures) -> bool:
    return bool(figures["headline"]["total"]["now"])


# --- the list of a team's retros -------------------------------------------------------------


def retro_index(team: Team) -> list[dict[str, Any]]:
    """Months with published stories or a retro, plus the current month, newest first."""
    this_month = current_month(team)
    # From the team's first story (a date no month URL can name stays out), month by month: a
    # new story makes only its own month count again.
    per_month = month_counts(team, first_story_month(team) or this_month, month_after(this_month))
    retros = {
        retro.month: retro
        for retro in Retro.objects.for_team(team)
        .filter(month__gte=dt.date(FIRST_YEAR, 1, 1), month__lte=this_month)
        .annotate(open_items=Count("action_items", filter=Q(action_items__done_at__isnull=True)))
    }
    entries = []
    for month in sorted({*per_month, *retros, this_month}, reverse=True):
        retro = retros.get(month)
        live = per_month.get(month, {})
        counts = {key: live.get(key, 0) for key in ("total", "good", "bad", "gave", "received")}
        snapshot = read_snapshot(retro)
        frozen = snapshot is not None
        if snapshot is not None:
            frozen_headline = snapshot["figures"]["headline"]
            counts = {key: frozen_headline[key]["now"] for key in counts}
        entries.append(
            {
                "month": month,
                "slug": month_slug(month),
                "counts": counts,
                "retro": retro,
                "frozen": frozen,
                "is_current": month == this_month,
                "open_items": retro.open_items if retro else 0,  # type: ignore[attr-defined]
            }
        )
    return entries


def month_counts(team: Team, first: dt.date, end: dt.date) -> dict[dt.date, dict[str, Any]]:
    """Published stories per month from `first` to before `end`, by kind and perspective."""
    rows = month_by_month(
        team.pk,
        "month-counts",
        months_from(first, end),
        lambda start, stop: list(_count_months(team, start, stop).items()),
        lambda row: row[0],
    )
    return dict(rows)


def _count_months(team: Team, first: dt.date, end: dt.date) -> dict[dt.date, dict[str, Any]]:
    return {
        as_date(row["month"]): row
        for row in published_of(team)
        .filter(happened_on__gte=first, happened_on__lt=end)
        .annotate(month=TruncMonth("happened_on"))
        .values("month")
        .annotate(
            total=Count("pk"),
            good=Count("pk", filter=Q(kind=Kind.GOOD)),
            bad=Count("pk", filter=Q(kind=Kind.BAD)),
            gave=Count("pk", filter=Q(perspective=Perspective.GAVE)),
            received=Count("pk", filter=Q(perspective=Perspective.RECEIVED)),
        )
        .order_by()
    }


# --- across teams ---------------------------------------------------------------------------

KIND_PERSPECTIVE_CELLS = [(kind, perspective) for kind in Kind.values for perspective in Perspective.values]


def _count_across(team_ids: list[int], month_start: dt.date) -> dict[int, dict[str, Any]]:
    """Each team's totals and kind x perspective cells of the month (a team without stories is left out)."""
    published = Story.objects.published().in_month(month_start).filter(team__in=team_ids)
    totals = (
        published.values("team_id")
        .annotate(
            total=Count("pk"),
            good=Count("pk", filter=Q(kind=Kind.GOOD)),
            bad=Count("pk", filter=Q(kind=Kind.BAD)),
            went_beyond=Count("pk", filter=Q(went_beyond=True)),
            # Named authors only, as on the retro page: see headline().
            named_contributors=Count("author", distinct=True, filter=Q(anonymous=False)),
        )
        .order_by()
    )
    counted: dict[int, dict[str, Any]] = {row["team_id"]: {"totals": row, "cells": []} for row in totals}
    for cell in published.values("team_id", "kind", "perspective").annotate(**cell_facts()).order_by():
        counted[cell["team_id"]]["cells"].append(cell)
    return counted


def cross_team(teams: Sequence[Team], month_start: dt.date) -> list[dict[str, Any]]:
    """Each team's month side by side: totals, kind x perspective cells, retro state."""
    # Each team's month kept on its own until one of its stories of that month moves: a new
    # story recounts its team's month only (all teams' months took 0.3-0.4 s at 1M stories).
    empty: dict[str, Any] = {"totals": {}, "cells": []}
    counted = each_team_month(
        [team.pk for team in teams],
        "cross-team",
        month_start,
        count=lambda ids: _count_across(ids, month_start),
        empty=empty,
    )
    totals: dict[int, dict[str, Any]] = {pk: team_counts["totals"] for pk, team_counts in counted.items()}
    cells: dict[int, dict[tuple[str, str], dict[str, int]]] = defaultdict(dict)
    for pk, team_counts in counted.items():
        for row in team_counts["cells"]:
            cells[pk][(row["kind"], row["perspective"])] = row
    retros = {retro.team_id: retro for retro in Retro.objects.filter(team__in=teams, month=month_start)}
    open_items = dict(
        ActionItem.objects.filter(team__in=teams)
        .open()
        .values("team_id")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("team_id", "count")
    )
    result = []
    for team in teams:
        total = totals.get(team.pk, {})
        row_cells = []
        other = 0
        for key in KIND_PERSPECTIVE_CELLS:
            cell = cells[team.pk].get(key, {"count": 0})
            # Seen by moderators from outside the team: small counts are folded, signed or not.
            value = floored(cell, Audience.OUTSIDERS)
            if value is None:
                other += cell["count"]
            row_cells.append({"kind": key[0], "perspective": key[1], "count": value})
        retro = retros.get(team.pk)
        frozen = retro.snapshot.get("figures") if retro and retro.is_closed and retro.snapshot else None
        if frozen:
            # A closed retro's figures are the ones it froze, as on its own page and the list.
            total = {key: frozen["headline"][key]["now"] for key in ("total", "good", "bad", "went_beyond")}
            total["named_contributors"] = frozen["headline"].get("named_contributors", 0)
        result.append(
            {
                "team": team,
                "frozen": bool(frozen),
                "total": total.get("total", 0),
                "good": total.get("good", 0),
                "bad": total.get("bad", 0),
                "went_beyond": total.get("went_beyond", 0),
                "named_contributors": total.get("named_contributors", 0),
                "cells": row_cells,
                "other": other,
                "retro": retro,
                "open_items": open_items.get(team.pk, 0),
            }
        )
    return result
