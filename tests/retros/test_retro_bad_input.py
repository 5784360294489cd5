"""Months, ids and numbers typed into retro URLs: a 404 or a fallback, never a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from stories.core.months import parse_month
from tests.factories import ActionItemFactory, RetroFactory
from tests.retros.helpers import month_url

pytestmark = pytest.mark.django_db

HUGE_ID = "9" * 30
OUT_OF_RANGE_MONTHS = ("0001-01", "0000-01", "1899-12", "9999-01", "9999-12")


def test_it_parses_months_from_1900_to_9998_only():
    assert parse_month("1900-01") == dt.date(1900, 1, 1)
    assert parse_month("9998-12") == dt.date(9998, 12, 1)
    for bad in ("0001-01", "1899-12", "9999-01", "2025-05\n", "２０２５-05", "2025-０5"):
        assert parse_month(bad) is None, bad


@pytest.mark.parametrize("month", OUT_OF_RANGE_MONTHS)
def test_it_answers_404_for_months_out_of_range(member_client, moderator_client, team, month):
    base = f"/teams/{team.slug}/retros/{month}"
    for path in (f"{base}/", f"{base}.md", f"{base}.csv"):
        assert member_client.get(path).status_code == 404, path
    assert moderator_client.get(f"/retros/{month}/").status_code == 404


@pytest.mark.parametrize("month", OUT_OF_RANGE_MONTHS)
def test_it_answers_404_to_posts_on_months_out_of_range(lead_client, team, month):
    base = f"/teams/{team.slug}/retros/{month}"
    for path in (f"{base}/close/", f"{base}/notes/", f"{base}/actions/", f"{base}/stories/1/vote/"):
        assert lead_client.post(path).status_code == 404, path


def test_it_shows_the_first_month_without_a_link_to_the_month_before(member_client, moderator_client, team):
    response = member_client.get(f"/teams/{team.slug}/retros/1900-01/")
    assert response.status_code == 200
    assert response.context["previous_month"] is None
    assert "/retros/1899-12/" not in response.content.decode()
    assert member_client.get(f"/teams/{team.slug}/retros/1900-01.md").status_code == 200
    assert member_client.get(f"/teams/{team.slug}/retros/1900-01.csv").status_code == 200
    across = moderator_client.get("/retros/1900-01/")
    assert across.status_code == 200 and "/retros/1899-12/" not in across.content.decode()


def test_it_answers_404_for_ids_beyond_any_database_integer(member_client, team, last_month):
    retro = RetroFactory(team=team, month=last_month)
    ActionItemFactory(retro=retro)
    base = month_url("retro_detail", team, last_month)
    for path in (
        f"{base}stories/{HUGE_ID}/vote/",
        f"{base}stories/{HUGE_ID}/unvote/",
        f"{base}actions/{HUGE_ID}/assign/",
        f"{base}actions/{HUGE_ID}/complete/",
        f"{base}actions/{HUGE_ID}/reopen/",
    ):
        assert member_client.post(path).status_code == 404, path


def test_it_refuses_an_owner_id_beyond_any_database_integer(member_client, team, last_month):
    response = member_client.post(
        month_url("action_item_create", team, last_month), {"text": "Call back", "owner": HUGE_ID}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("months", ["abc", "²", "-1", "0", HUGE_ID, "9" * 5000, "1e400", "12\x00"])
def test_it_falls_back_to_twelve_months_on_any_months_value(member_client, team, months):
    response = member_client.get(reverse("trends", args=[team.slug]), {"months": months})
    assert response.status_code == 200
    assert response.context["months"] == 12
    assert "Choose between 3 and 36 months" in response.content.decode()
