"""Karma figures: the ledger, the karma rate, the watchlist and the retro's karma section.

The definitions, shown on the karma page as well:

* A **hit** is a published "went beyond" story with a published sequel whose outcome is
  positive (POSITIVE_OUTCOMES) and that happened within KARMA_WINDOW_DAYS days of it.
* The **karma rate as of day D** is hits / resolved stories, over the team's published
  "went beyond" stories that happened on or before D and are *resolved* by D: a hit whose
  sequel happened on or before D; or the 180-day window has closed (the story happened on or
  before D − 180 days); or the author or lead marked it "nothing came of it" by the end of D.
  Stories still inside their window, with no hit yet and not closed, are undecided and left
  out, so young stories do not drag the rate down. A positive sequel within the window is a
  hit even when the story was marked "nothing came of it" before it came.
* **Median days to a sequel**: for each published story with at least one published sequel,
  the days to its first sequel (any outcome); the median of those.
* The **watchlist**: published "went beyond" stories and good service we gave (but not a
  story that is itself a sequel, unless it went beyond again), 30 or more days old (by happened_on against the team's today) and inside the 180-day window, with no
  published sequel and not marked "nothing came of it". Its milestone is the highest of
  30/60/90 the story has reached.

Every function here costs a fixed number of queries, whatever the data size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import (
    Case,
    Count,
    DateField,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    Prefetch,
    Q,
    Value,
    When,
)

from stories.core.figure_cache import team_figure
from stories.core.months import month_after, month_slug
from stories.karma.models import (
    KARMA_WINDOW_DAYS,
    POSITIVE_OUTCOMES,
    WATCH_MILESTONES,
    watched_story_filter,
)
from stories.log.models import StoryQuerySet
from stories.models import SequelLink, Status, Story, StoryPrinciple, Team, Verdict
from stories.retros.figures import principle_totals

if TYPE_CHECKING:
    pass

WINDOW = dt.timedelta(days=KARMA_WINDOW_DAYS)
# The oldest first (their windows close soonest), more on "Show more", up to MAX_WATCHLIST.
WATCHLIST_SHOWN = 25
MAX_WATCHLIST = 100
LEDGER_PAGE_SIZE = 20
RATE_HISTORY_MONTHS = 3


# --- the karma rate ------------------------------------------------------------------


@dataclass(frozen=True)
class KarmaRate:
    as_of: dt.date
    hits: int
    resolved: int

    @property
    def percent(self) -> int | None:
        if not self.resolved:
            return None
        return round(100 * self.hits / self.resolved)

    def as_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "month": month_slug(self.as_of),
            "hits": self.hits,
            "resolved": self.resolved,
            "percent": self.percent,
        }


def _end_of_day(team: Team, day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=team.zone)


def rates_as_of(team: Team, days: list[dt.date]) -> list[KarmaRate]:
    """The karma rate at the end of each given day, in one query."""
    counts: dict[str, Any] = {}
    for i, day in enumerate(days):
        hit = Q(first_hit_on__lte=day)
        resolved = hit | Q(happened_on__lte=day - WINDOW) | Q(karma_closed_at__lt=_end_of_day(team, day))
        counts[f"hits_{i}"] = Count("pk", filter=Q(happened_on__lte=day) & hit)
        counts[f"resolved_{i}"] = Count("pk", filter=Q(happened_on__lte=day) & resolved)
    # Counted from story_team_beyond_idx alone (it includes first_hit_on and karma_closed_at):
    # every "went beyond" story of the team, 3 ms for the big one at 1M stories, yet kept under
    # the team's figures generation, which links and "nothing came of it" bump as well as every
    # story move.
    figures = team_figure(
        team.pk,
        "karma-rates",
        *days,
        compute=lambda: Story.objects.published().filter(team=team, went_beyond=True).aggregate(**counts),
    )
    return [
        KarmaRate(as_of=day, hits=figures[f"hits_{i}"], resolved=figures[f"resolved_{i}"])
        for i, day in enumerate(days)
    ]


def karma_rate(team: Team, as_of: dt.date | None = None) -> KarmaRate:
    return rates_as_of(team, [as_of or team.today()])[0]


# --- median days and principles -----------------------------------------------------


def median_days_to_sequel(team: Team) -> float | None:
    """Median days from a story to its first published sequel, kept per team (every story
    move and link makes it old): at 1M stories its two queries took 10 ms of every karma page."""
    return team_figure(team.pk, "median-days", compute=lambda: _median_days_to_sequel(team))


def _median_days_to_sequel(team: Team) -> float | None:
    """Two queries: count, middle."""
    # Only stories that have a sequel, found on story_team_first_sequel_idx by the stored date.
    firsts = (
        Story.objects.filter(team=team, first_sequel_on__isnull=False)
        .published()
        .annotate(
            wait=ExpressionWrapper(F("first_sequel_on") - F("happened_on"), output_field=DurationField())
        )
    )
    count = firsts.count()
    if not count:
        return None
    middle = list(
        firsts.order_by("wait", "pk").values_list("wait", flat=True)[(count - 1) // 2 : count // 2 + 1]
    )
    return sum(wait.days for wait in middle) / len(middle)


def principles_leading_to_sequels(team: Team, limit: int = 5) -> list[dict[str, Any]]:
    """Principles honoured in published stories, by how many of those got a positive sequel.

    The principles of the stories that paid back start from the team's chains (kept per team:
    every story move, retag and link makes them old); how often each was honoured at all is
    summed from the months' cached principle cells, since counting every tag of the team again
    took 0.26 s for the big team at 1M stories.
    """
    top = team_figure(
        team.pk, "karma-principles", limit, compute=lambda: _principles_paying_back(team, limit)
    )
    if not top:
        return []
    totals = principle_totals(team)
    return [
        {
            "slug": row["principle__slug"],
            "name": row["principle__name"],
            "with_sequel": row["with_sequel"],
            "honoured": totals.get((row["principle_id"], Verdict.HONOURED), 0),
        }
        for row in top
    ]


def _principles_paying_back(team: Team, limit: int) -> list[dict[str, Any]]:
    # From the team's chains (a stored latest_sequel_on means a published sequel), found on
    # story_team_latest_sequel_idx: joining the links to every story of the team read the
    # big team's 130k stories at 1M (62 ms cold).
    chains = Story.objects.published().filter(team=team, latest_sequel_on__isnull=False).values("pk")
    paid_back = SequelLink.objects.filter(
        original__in=chains,
        outcome__in=POSITIVE_OUTCOMES,
        sequel__status=Status.PUBLISHED,
    ).values("original_id")
    return list(
        StoryPrinciple.objects.filter(verdict=Verdict.HONOURED, story_id__in=paid_back)
        .values("principle_id", "principle__slug", "principle__name", "principle__position")
        .annotate(with_sequel=Count("pk"))
        .order_by("-with_sequel", "principle__position")[:limit]
    )


# --- the ledger and the watchlist ----------------------------------------------------


def ledger(team: Team) -> StoryQuerySet:
    """Each chain: a published story with published sequels, the latest sequel first.

    Each story carries `published_sequel_links` (their sequels and authors), so a page of the
    ledger costs three queries whatever its length: count, page, links.
    """
    return (
        # The stored latest_sequel_on is set exactly when a story has a published sequel: the
        # team's chains are read in order off story_team_latest_sequel_idx, not found by joining
        # every published story to the links (0.4-0.6 s for the big team at 1M stories) nor
        # sorted by a subquery per chain (32 ms).
        Story.objects.published()
        .filter(team=team, latest_sequel_on__isnull=False)
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "sequel_links",
                queryset=SequelLink.objects.filter(sequel__status=Status.PUBLISHED)
                .select_related("sequel__author")
                .order_by("sequel__happened_on", "pk"),
                to_attr="published_sequel_links",
            )
        )
        .order_by("-latest_sequel_on", "-happened_on", "-pk")
    )


def chain_count(team: Team) -> int:
    """How many chains the ledger holds, kept per team as the figures are (its pager's count)."""
    return team_figure(team.pk, "chains", compute=lambda: ledger(team).count())


def milestone_for(age_days: int) -> int | None:
    reached = [m for m in WATCH_MILESTONES if age_days >= m]
    return max(reached) if reached and age_days < KARMA_WINDOW_DAYS else None


def watchlist(team: Team, today: dt.date | None = None) -> StoryQuerySet:
    """Watched stories at 30/60/90 days with no sequel yet, oldest first, with `milestone` and `age`."""
    today = today or team.today()
    first = min(WATCH_MILESTONES)
    whens = [
        When(happened_on__lte=today - dt.timedelta(days=m), then=Value(m))
        for m in sorted(WATCH_MILESTONES, reverse=True)
    ]
    return (
        Story.objects.published()
        .filter(watched_story_filter(), team=team, karma_closed_at__isnull=True)
        # The earliest day either branch of the OR below admits, stated on its own: the index
        # scan then begins there instead of at the team's first story (0.4 s at 1M stories).
        .filter(
            happened_on__lte=today - dt.timedelta(days=first),
            happened_on__gt=today - max(WINDOW, dt.timedelta(days=max(WATCH_MILESTONES) + first)),
        )
        # "Went beyond" stories stay until their 180-day window closes: they decide the karma
        # rate. Other good service leaves a month after its last milestone, or a busy team's
        # watchlist would hold every good story of half a year.
        .filter(
            Q(went_beyond=True, happened_on__gt=today - WINDOW)
            | Q(happened_on__gt=today - dt.timedelta(days=max(WATCH_MILESTONES) + first))
        )
        .filter(first_sequel_on__isnull=True)  # no published sequel, as stored
        .annotate(
            milestone=Case(*whens, default=Value(first), output_field=IntegerField()),
            age=ExpressionWrapper(
                Value(today, output_field=DateField()) - F("happened_on"), output_field=DurationField()
            ),
        )
        .select_related("author")
        .order_by("happened_on", "pk")
    )


# --- the retro's month ---------------------------------------------------------------


def _month_bounds(team: Team, month_start: dt.date) -> tuple[dt.datetime, dt.datetime, dt.date]:
    start = month_start.replace(day=1)
    next_start = month_after(start)
    zone = team.zone
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(next_start, dt.time.min, tzinfo=zone),
        next_start - dt.timedelta(days=1),
    )


def _month_end_before(day: dt.date) -> dt.date:
    return day.replace(day=1) - dt.timedelta(days=1)


def month_section(team: Team, month_start: dt.date) -> dict[str, Any]:
    """The retro's karma section for the team's month starting at month_start (two queries).

    A sequel belongs to the month its link was *logged* (SequelLink.created_at in the team's
    time zone): that is when the team learnt that the good service came back, even if the
    sequel story is dated earlier. Only links between two published stories count.
    The rate is taken at the end of the month and at the ends of the three months before.
    Everything returned is plain JSON (ISO dates), so a closing retro can freeze it.
    """
    start, end, month_end = _month_bounds(team, month_start)
    links = (
        SequelLink.objects.published()
        .for_team(team)
        .logged_between(start, end)
        .select_related("original", "sequel")
        .order_by("created_at", "pk")
    )
    as_of = [month_end]
    for _i in range(RATE_HISTORY_MONTHS):
        as_of.insert(0, _month_end_before(as_of[0]))
    rates = rates_as_of(team, as_of)
    return {
        "month": month_slug(month_start),
        "sequels": [
            {
                "original_id": link.original_id,
                "original_title": link.original.title,
                "original_happened_on": link.original.happened_on.isoformat(),
                "cost_note": link.original.cost_note,
                "went_beyond": link.original.went_beyond,
                "sequel_id": link.sequel_id,
                "sequel_title": link.sequel.title,
                "sequel_happened_on": link.sequel.happened_on.isoformat(),
                "days": link.days_between,
                "outcome": link.outcome,
                "outcome_label": str(link.get_outcome_display()),
                "positive": link.is_positive,
            }
            for link in links
        ],
        "window_days": KARMA_WINDOW_DAYS,
        "rate": rates[-1].as_dict(),
        "earlier_rates": [rate.as_dict() for rate in rates[:-1]],
    }
