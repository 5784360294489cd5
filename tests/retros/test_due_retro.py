"""Which retro is due: last month's until it is closed, asked by the dashboard, nav and list."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from stories.retros.due import RetroStatus, due_month, due_months, status_of
from tests.factories import RetroFactory, StoryFactory

pytestmark = pytest.mark.django_db

NOVEMBER = dt.date(2026, 11, 1)
DECEMBER = dt.date(2026, 12, 1)


@pytest.fixture
def first_of_december():
    # 1 December, 09:00 in London (the factories' default zone, as the demo's). Asked first,
    # so people log in on that day too (a session from "the future" is not trusted).
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC), tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize("day", [1, 2, 3])
def test_it_leads_to_last_month_on_the_first_days_until_it_is_closed(team, lead, day):
    with time_machine.travel(dt.datetime(2026, 12, day, 9, 0, tzinfo=dt.UTC), tick=False):
        assert due_month(team) == NOVEMBER
        retro = RetroFactory(team=team, month=NOVEMBER)
        assert due_month(team) == NOVEMBER
        retro.close(by=lead, snapshot={})
        assert due_month(team) == DECEMBER


def test_it_asks_once_for_many_teams(first_of_december, team, other_team, lead, django_assert_num_queries):
    RetroFactory(team=team, month=NOVEMBER).close(by=lead, snapshot={})
    with django_assert_num_queries(1):
        assert due_months([team, other_team]) == {team.pk: DECEMBER, other_team.pk: NOVEMBER}


def test_it_words_the_status_the_same_everywhere(first_of_december, team, lead):
    assert status_of(None) == RetroStatus.NOT_STARTED
    retro = RetroFactory(team=team, month=NOVEMBER)
    assert status_of(retro) == RetroStatus.OPEN
    retro.close(by=lead, snapshot={})
    assert status_of(retro) == RetroStatus.CLOSED


def test_it_sends_the_dashboard_to_last_month_with_this_month_so_far(first_of_december, member_client, team):
    html = member_client.get(reverse("dashboard")).content.decode()
    november = reverse("retro_detail", kwargs={"slug": team.slug, "month": NOVEMBER})
    december = reverse("retro_detail", kwargs={"slug": team.slug, "month": DECEMBER})
    assert f'class="fw-semibold due-retro" href="{november}"' in html and "November 2026 retro (due)" in html
    assert f'href="{december}">December so far' in html
    # The navigation's team menu too.
    assert f'class="dropdown-item nav-due-retro" href="{november}"' in html


def test_it_sends_everyone_to_this_month_once_last_month_is_closed(
    first_of_december, member_client, lead, team
):
    RetroFactory(team=team, month=NOVEMBER).close(by=lead, snapshot={})
    html = member_client.get(reverse("dashboard")).content.decode()
    december = reverse("retro_detail", kwargs={"slug": team.slug, "month": DECEMBER})
    assert f'class="due-retro" href="{december}"' in html
    assert f'class="dropdown-item nav-due-retro" href="{december}"' in html


def test_it_leads_the_retro_list_to_last_month(first_of_december, member_client, lead, team):
    StoryFactory(team=team, happened_on=dt.date(2026, 11, 20))
    url = reverse("retro_list", kwargs={"slug": team.slug})
    html = member_client.get(url).content.decode()
    due = html.split('id="due-retro"')[1].split("</p>")[0]
    assert reverse("retro_detail", kwargs={"slug": team.slug, "month": NOVEMBER}) in due
    assert "November 2026 retro" in due
    december_row = html.split("December 2026</a>")[1].split("</tr>")[0]
    assert "Not started" in december_row and "so far" in december_row
    november_row = html.split("November 2026</a>")[1].split("</tr>")[0]
    assert "Not started" in november_row and "Due" in november_row
    RetroFactory(team=team, month=NOVEMBER).close(by=lead, snapshot={})
    html = member_client.get(url).content.decode()
    assert "December 2026 so far" in html.split('id="due-retro"')[1].split("</p>")[0]


def test_it_points_the_running_month_back_to_the_due_retro(first_of_december, member_client, team):
    url = reverse("retro_detail", kwargs={"slug": team.slug, "month": DECEMBER})
    html = member_client.get(url).content.decode()
    status = html.split('id="retro-status"')[1].split("</p>")[0]
    assert "Not started" in status and "so far" in status
    assert reverse("retro_detail", kwargs={"slug": team.slug, "month": NOVEMBER}) in status
