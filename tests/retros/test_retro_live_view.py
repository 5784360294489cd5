"""GET /retros/live/<team>/<YYYY-MM>/<view>/: the poll every open retro page makes."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from stories.retros import live
from tests.factories import RetroFactory
from tests.retros.helpers import HTMX, month_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def live_url(team, month, view="page"):
    return reverse("retro_live", kwargs={"team_id": team.pk, "month": month, "view": view})


def held_etag(client, team, month):
    html = client.get(month_url("retro_detail", team, month)).content.decode()
    headers = html.split('id="retro-live"')[1].split('hx-headers="')[1].split('"')[0]
    return json.loads(headers.replace("&quot;", '"'))["If-None-Match"]


def test_it_answers_304_from_the_cache_with_no_database_query(
    member_client, team, last_month, django_assert_num_queries
):
    etag = held_etag(member_client, team, last_month)
    with django_assert_num_queries(0):
        response = member_client.get(live_url(team, last_month), HTTP_IF_NONE_MATCH=etag, **HTMX)
    assert response.status_code == 304 and response["ETag"] == etag


def test_it_refuses_other_methods(member_client, team, last_month):
    assert member_client.post(live_url(team, last_month)).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(team, last_month):
    response = Client().get(live_url(team, last_month), HTTP_IF_NONE_MATCH='"1.2.3.4"')
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_hides_the_team_from_outsiders(outsider_client, team, last_month):
    assert outsider_client.get(live_url(team, last_month)).status_code == 404


def test_it_sends_the_votes_another_member_cast(
    member_client, lead_client, lead, team, last_month, month_stories
):
    etag = held_etag(lead_client, team, last_month)
    member_client.post(month_url("retro_vote", team, last_month, story_id=month_stories[2].pk))
    response = lead_client.get(live_url(team, last_month), HTTP_IF_NONE_MATCH=etag, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and response["ETag"] != etag
    assert (
        '<section id="highlights" class="retro-section" aria-labelledby="highlights-title" hx-swap-oob="true">'
        in html
    )
    assert month_stories[2].title in html.split('id="highlights"')[1]
    assert 'id="action-items"' not in html and 'id="notes"' not in html  # only what changed
    # Its new stamp answers 304 again.
    again = lead_client.get(live_url(team, last_month), HTTP_IF_NONE_MATCH=response["ETag"], **HTMX)
    assert again.status_code == 304


def test_it_sends_action_items_and_notes_when_they_change(member_client, lead_client, team, last_month):
    etag = held_etag(lead_client, team, last_month)
    member_client.post(month_url("action_item_create", team, last_month), {"text": "Call Mrs Diaz back"})
    member_client.post(
        month_url("retro_notes", team, last_month), {"notes": "Agreed: call back", "version": 0}
    )
    html = lead_client.get(live_url(team, last_month), HTTP_IF_NONE_MATCH=etag, **HTMX).content.decode()
    assert "Call Mrs Diaz back" in html.split('id="action-items"')[1]
    assert "Agreed: call back" in html.split('id="notes"')[1]
    assert 'id="highlights"' not in html


def test_it_bumps_the_stamp_on_every_change_of_the_retro(lead, member, team, last_month, month_stories):
    retro = RetroFactory(team=team, month=last_month)
    seen = [live.versions(team.pk, last_month)]
    retro.vote(month_stories[0], by=member)
    retro.unvote(month_stories[0], by=member)
    item = retro.add_action_item(text="x", owner=None, due_on=None, by=member)
    item.complete(by=member)
    item.reopen(by=member)
    item.edit(text="y", owner=None, due_on=None, base_version=0, by=member)
    item.drop(reason="no longer needed", by=member)
    retro.save_notes("n", base_version=0, by=member)
    retro.close(by=lead, snapshot={})
    retro.reopen(by=lead)
    seen.append(live.versions(team.pk, last_month))
    assert all(seen[1][part] != seen[0][part] for part in live.PARTS)


def test_it_moves_every_meeting_screen_to_the_leads_step(lead_client, member_client, team, last_month):
    step_url = reverse("meeting_step", kwargs={"slug": team.slug, "month": last_month, "step": "numbers"})
    html = member_client.get(step_url).content.decode()
    headers = html.split('id="retro-live"')[1].split('hx-headers="')[1].split('"')[0]
    etag = json.loads(headers.replace("&quot;", '"'))["If-None-Match"]
    poll = live_url(team, last_month, "meeting") + "?step=numbers"
    assert member_client.get(poll, HTTP_IF_NONE_MATCH=etag, **HTMX).status_code == 304
    lead_client.post(reverse("meeting_go", kwargs={"slug": team.slug, "month": last_month, "step": "top"}))
    html = member_client.get(poll, HTTP_IF_NONE_MATCH=etag, **HTMX).content.decode()
    assert 'id="meeting-step"' in html and 'data-step="top"' in html and 'hx-swap-oob="true"' in html
