"""The quarter view: a month's breakdowns over three months, for teams too small for one."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from stories.core.http import HtmxHttpRequest
from stories.core.months import month_label
from stories.core.policy import asks
from stories.models import Channel
from stories.retros.quarter import quarter_figures
from stories.retros.sections import floor_context, retro_access


@login_required
@require_http_methods(["GET", "HEAD"])
@asks()
def retro_quarter(request: HtmxHttpRequest, slug: str, month: dt.date) -> HttpResponse:
    access = retro_access(request, slug, month)
    figures = quarter_figures(access.team, month)
    first = dt.date.fromisoformat(f"{figures['months'][0]}-01")
    channel_labels = dict(Channel.choices)
    context = {
        "team": access.team,
        "access": access,
        "month": month,
        "month_name": month_label(month),
        "first_name": month_label(first),
        "principles": figures["principles"],
        "channels": figures["channels"],
        "channel_rows": [
            {**row, "label": channel_labels[row["channel"]]} for row in figures["channels"]["rows"]
        ],
        **floor_context(),
    }
    return render(request, "retros/quarter.html", context)
