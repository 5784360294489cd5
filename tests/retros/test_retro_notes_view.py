"""POST .../notes/: the notes everyone in the room writes, saved by compare-and-set."""

from __future__ import annotations

import pytest
from django.test import Client

from stories.models import Retro
from tests.retros.helpers import HTMX, is_login_redirect, month_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(team, last_month):
    return month_url("retro_notes", team, last_month)


def saved(team, month):
    return Retro.objects.get(team=team, month=month)


def test_it_refuses_get(lead_client, url):
    assert lead_client.get(url).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(team, url):
    assert is_login_redirect(Client().post(url, {"notes": "x"}))


def test_it_hides_the_team_from_outsiders(outsider_client, url):
    assert outsider_client.post(url, {"notes": "x"}).status_code == 404


def test_it_keeps_moderators_of_other_teams_out(moderator_client, url):
    assert moderator_client.post(url, {"notes": "x"}).status_code == 403
    assert not Retro.objects.exists()


def test_it_saves_the_leads_notes(lead_client, url, team, last_month):
    response = lead_client.post(
        url, {"notes": "  We agreed to smile more.\nAnd to call back.  ", "version": 0}
    )
    assert response.status_code == 302 and response["Location"].endswith("#notes")
    retro = saved(team, last_month)
    assert retro.notes == "We agreed to smile more.\nAnd to call back." and retro.notes_version == 1


def test_it_lets_members_write_the_notes_too(member_client, lead_client, url, team, last_month):
    member_client.post(url, {"notes": "Mia's line", "version": 0})
    html = lead_client.get(month_url("retro_detail", team, last_month)).content.decode()
    assert "Mia&#x27;s line" in html and 'name="notes"' in html and 'name="version" value="1"' in html


def test_it_renders_the_editor_from_the_form_with_autosave(lead_client, team, last_month):
    html = lead_client.get(month_url("retro_detail", team, last_month)).content.decode()
    editor = html.split('<textarea name="notes"')[1].split(">")[0]
    assert 'hx-trigger="input changed delay:1s, blur"' in editor
    assert "saving…" in html


def test_it_answers_an_autosave_with_the_time_and_new_version_only(lead_client, url, team, last_month):
    response = lead_client.post(url, {"notes": "Typing along", "version": 0, "autosave": "1"}, **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<span class="small text-good" role="status" id="notes-status">saved at ')
    assert 'id="notes-version-field" hx-swap-oob="true"' in html and 'value="1"' in html
    assert "<textarea" not in html  # the editor the person is typing in stays untouched


def test_it_never_overwrites_a_newer_save_and_shows_both_texts(
    lead_client, member_client, url, team, last_month
):
    # Both opened the notes at version 0; the member saves first.
    assert member_client.post(url, {"notes": "Mia: call back within a day", "version": 0}).status_code == 302
    response = lead_client.post(
        url, {"notes": "Leo: smile on the phone", "version": 0, "autosave": "1"}, **HTMX
    )
    html = response.content.decode()
    assert response["HX-Retarget"] == "#notes"
    assert saved(team, last_month).notes == "Mia: call back within a day"
    assert 'id="notes-theirs">Mia: call back within a day<' in html
    assert "Leo: smile on the phone</textarea>" in html and 'name="version" value="1"' in html
    # The lead merges on top of version 1: both texts are kept.
    lead_client.post(url, {"notes": "Mia: call back within a day\nLeo: smile on the phone", "version": 1})
    assert saved(team, last_month).notes == "Mia: call back within a day\nLeo: smile on the phone"


def test_it_shows_both_texts_without_javascript_too(lead_client, member_client, url, team, last_month):
    member_client.post(url, {"notes": "first", "version": 0})
    response = lead_client.post(url, {"notes": "second", "version": 0})
    html = response.content.decode()
    assert response.status_code == 409
    assert 'id="notes-theirs">first<' in html and "second</textarea>" in html


def test_it_lets_a_superuser_stand_in_for_the_lead(superuser_client, url, team, last_month):
    superuser_client.post(url, {"notes": "Covering for the lead", "version": 0})
    assert saved(team, last_month).notes == "Covering for the lead"


def test_it_keeps_notes_frozen_once_closed(lead_client, url, team, last_month):
    lead_client.post(url, {"notes": "Before closing", "version": 0})
    lead_client.post(month_url("retro_close", team, last_month))
    html = lead_client.post(url, {"notes": "After closing", "version": 1}, **HTMX).content.decode()
    assert "closed" in html
    assert saved(team, last_month).notes == "Before closing"


def test_it_creates_no_retro_for_notes_it_refuses(lead_client, url):
    response = lead_client.post(url, {"notes": "x" * 10_001})
    assert response.status_code == 200
    assert not Retro.objects.exists()
