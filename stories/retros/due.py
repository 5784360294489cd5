"""Which retro is due, and the one set of status words every retro page uses.

Until last month's retro is closed, it is the one to run: on the first days of a month the
new month holds next to nothing, and the team still has last month to talk about. The
dashboard, the navigation and the retro list all ask `due_months`, so they agree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import models
from django.utils.translation import gettext_lazy as _

from stories.core.months import current_month, month_before
from stories.models import Retro, Team


class RetroStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


def status_of(retro: Retro | None) -> RetroStatus:
    if retro is None:
        return RetroStatus.NOT_STARTED
    return RetroStatus.CLOSED if retro.is_closed else RetroStatus.OPEN


def due_months(teams: Sequence[Team]) -> dict[int, dt.date]:
    """Each team's due retro month, by team id, in one query."""
    if not teams:
        return {}
    last = {team.pk: month_before(current_month(team)) for team in teams}
    closed = set(
        Retro.objects.filter(
            team__in=teams, month__in=set(last.values()), closed_at__isnull=False
        ).values_list("team_id", "month")
    )
    return {
        team.pk: current_month(team) if (team.pk, last[team.pk]) in closed else last[team.pk]
        for team in teams
    }


def due_month(team: Team) -> dt.date:
    return due_months([team])[team.pk]
