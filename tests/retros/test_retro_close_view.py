"""GET/POST .../close/ and POST .../reopen/: the lead confirms, then freezes and unfreezes the retro."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from stories.models import Retro
from stories.retros.models import RetroStateError
from tests.factories import RetroFactory
from tests.retros.helpers import HTMX, is_login_redirect, month_url

pytestmark = pytest.mark.django_db

VIEWS = ("retro_close", "retro_reopen")


def test_it_refuses_wrong_methods(lead_client, team, last_month):
    assert lead_client.get(month_url("retro_reopen", team, last_month)).status_code == 405
    assert lead_client.put(month_url("retro_close", team, last_month)).status_code == 405


def test_it_asks_for_confirmation_on_get_without_closing(lead_client, team, last_month, month_stories):
    response = lead_client.get(month_url("retro_close", team, last_month))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Close the" in html and "6 published stories" in html
    assert (
        f'action="{month_url("retro_close", team, last_month)}"' in html
        and "hx-" not in html.split('id="close-confirm"')[1]
    )
    assert not Retro.objects.exists()


def test_it_links_the_close_button_to_the_confirmation(lead_client, team, last_month, this_month):
    html = lead_client.get(month_url("retro_detail", team, last_month)).content.decode()
    assert f'href="{month_url("retro_close", team, last_month)}"' in html
    running = lead_client.get(month_url("retro_detail", team, this_month)).content.decode()
    assert "Close retro" not in running


def test_it_refuses_to_close_a_running_month(lead_client, team, this_month):
    html = lead_client.get(month_url("retro_close", team, this_month)).content.decode()
    assert 'id="close-refused"' in html and "Yes, close" not in html
    response = lead_client.post(month_url("retro_close", team, this_month), follow=True)
    assert "has not ended yet" in response.content.decode()
    htmx = lead_client.post(month_url("retro_close", team, this_month), **HTMX).content.decode()
    assert "has not ended yet" in htmx
    assert not Retro.objects.filter(closed_at__isnull=False).exists()


def test_it_refuses_the_running_month_in_the_model_too(lead, team, this_month):
    retro = RetroFactory(team=team, month=this_month)
    with pytest.raises(RetroStateError, match="not ended"):
        retro.close(by=lead, snapshot={})
    retro.refresh_from_db()
    assert not retro.is_closed


def test_it_lets_the_month_close_once_it_ends_in_the_teams_zone(lead, team):
    team.time_zone = "Pacific/Auckland"
    team.save()
    retro = RetroFactory(team=team, month=dt.date(2026, 11, 1))
    # 30 November 12:00 UTC is already 1 December in Auckland: November is over there.
    with time_machine.travel(dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC), tick=False):
        retro.close(by=lead, snapshot={})
    retro.reopen(by=lead)
    retro.team.time_zone = "America/Los_Angeles"
    # 1 December 05:00 UTC is still 30 November in Los Angeles.
    with (
        time_machine.travel(dt.datetime(2026, 12, 1, 5, 0, tzinfo=dt.UTC), tick=False),
        pytest.raises(RetroStateError),
    ):
        retro.close(by=lead, snapshot={})


def test_it_sends_anonymous_visitors_to_log_in(team, last_month):
    for name in VIEWS:
        assert is_login_redirect(Client().post(month_url(name, team, last_month)))


def test_it_hides_the_team_from_outsiders(outsider_client, other_lead_client, team, last_month):
    for client in (outsider_client, other_lead_client):
        for name in VIEWS:
            assert client.post(month_url(name, team, last_month)).status_code == 404
    assert not Retro.objects.exists()


def test_it_is_for_the_lead_only(member_client, moderator_client, team, last_month):
    for client in (member_client, moderator_client):
        for name in VIEWS:
            assert client.post(month_url(name, team, last_month)).status_code == 403
    assert not Retro.objects.exists()


def test_it_closes_with_a_frozen_snapshot(lead_client, lead, member, team, last_month, month_stories):
    retro = RetroFactory(team=team, month=last_month)
    retro.vote(month_stories[1], by=member)
    response = lead_client.post(month_url("retro_close", team, last_month))
    assert response.status_code == 302
    retro.refresh_from_db()
    assert retro.is_closed and retro.closed_by == lead
    figures = retro.snapshot["figures"]
    assert figures["month"] == f"{last_month:%Y-%m}"
    assert figures["headline"]["total"]["now"] == 6
    assert figures["highlights"] == [{"story": month_stories[1].pk, "votes": 1}]
    assert {row["channel"]: row["count"] for row in figures["channels"]["rows"]}["phone"] == 4


def test_it_closes_an_untouched_month_by_creating_its_retro(lead_client, team, last_month):
    lead_client.post(month_url("retro_close", team, last_month))
    assert Retro.objects.get(team=team, month=last_month).is_closed


def test_it_swaps_the_whole_retro_for_htmx(lead_client, team, last_month, month_stories):
    html = lead_client.post(month_url("retro_close", team, last_month), **HTMX).content.decode()
    assert html.lstrip().startswith('<div id="retro"')
    assert "Reopen retro" in html and "frozen" in html


def test_it_says_so_when_closing_twice(lead_client, team, last_month):
    lead_client.post(month_url("retro_close", team, last_month))
    html = lead_client.post(month_url("retro_close", team, last_month), **HTMX).content.decode()
    assert "already closed" in html
    response = lead_client.post(month_url("retro_close", team, last_month), follow=True)
    assert "already closed" in response.content.decode()


def test_it_reopens(lead_client, team, last_month, month_stories):
    lead_client.post(month_url("retro_close", team, last_month))
    response = lead_client.post(month_url("retro_reopen", team, last_month), follow=True)
    retro = Retro.objects.get(team=team, month=last_month)
    assert not retro.is_closed and retro.snapshot is None
    assert "Close retro" in response.content.decode()


def test_it_reopens_nothing_and_creates_no_retro_for_an_untouched_month(lead_client, team, last_month):
    response = lead_client.post(month_url("retro_reopen", team, last_month), follow=True)
    assert "already open" in response.content.decode()
    assert not Retro.objects.exists()
