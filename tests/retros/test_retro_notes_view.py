"""POST .../notes/: facilitator notes, lead only."""

from __future__ import annotations

import pytest
from django.test import Client

from stories.models import Retro
from tests.retros.helpers import HTMX, is_login_redirect, month_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(team, last_month):
    return month_url("retro_notes", team, last_month)


def test_it_refuses_get(lead_client, url):
    assert lead_client.get(url).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(team, url):
    assert is_login_redirect(Client().post(url, {"notes": "x"}))


def test_it_hides_the_team_from_outsiders(outsider_client, url):
    assert outsider_client.post(url, {"notes": "x"}).status_code == 404


def test_it_is_for_the_lead_only(member_client, url):
    assert member_client.post(url, {"notes": "I am not the lead"}).status_code == 403
    assert not Retro.objects.exists()


def test_it_saves_the_leads_notes(lead_client, url, team, last_month):
    response = lead_client.post(url, {"notes": "  We agreed to smile more.\nAnd to call back.  "})
    assert response.status_code == 302 and response["Location"].endswith("#notes")
    assert (
        Retro.objects.get(team=team, month=last_month).notes == "We agreed to smile more.\nAnd to call back."
    )


def test_it_shows_the_notes_to_members(lead_client, member_client, url, team, last_month):
    lead_client.post(url, {"notes": "Remember the red-scarf lady"})
    html = member_client.get(month_url("retro_detail", team, last_month)).content.decode()
    assert "Remember the red-scarf lady" in html and 'name="notes"' not in html


def test_it_swaps_the_notes_for_htmx(lead_client, url):
    html = lead_client.post(url, {"notes": "Short and sweet"}, **HTMX).content.decode()
    assert html.lstrip().startswith('<section id="notes"')
    assert "Short and sweet" in html and "Saved." in html


def test_it_lets_a_superuser_stand_in_for_the_lead(superuser_client, url, team, last_month):
    superuser_client.post(url, {"notes": "Covering for the lead"})
    assert Retro.objects.get(team=team, month=last_month).notes == "Covering for the lead"


def test_it_keeps_notes_frozen_once_closed(lead_client, url, team, last_month):
    lead_client.post(url, {"notes": "Before closing"})
    lead_client.post(month_url("retro_close", team, last_month))
    html = lead_client.post(url, {"notes": "After closing"}, **HTMX).content.decode()
    assert "closed" in html
    assert Retro.objects.get(team=team, month=last_month).notes == "Before closing"


def test_it_creates_no_retro_for_notes_it_refuses(lead_client, url):
    response = lead_client.post(url, {"notes": "x" * 10_001})
    assert response.status_code == 200
    assert not Retro.objects.exists()
