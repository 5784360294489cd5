"""Meeting mode: /run/ and its steps, each its own URL, walked without JavaScript."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from stories.models import Retro
from stories.retros.meeting import STEPS, Step
from tests.retros.helpers import HTMX, is_login_redirect, month_url

pytestmark = pytest.mark.django_db


def step_url(team, month, step, name="meeting_step"):
    return reverse(name, kwargs={"slug": team.slug, "month": month, "step": step})


def test_it_refuses_wrong_methods(lead_client, team, last_month):
    assert lead_client.post(month_url("meeting_start", team, last_month)).status_code == 405
    assert lead_client.post(step_url(team, last_month, "top")).status_code == 405
    assert lead_client.get(step_url(team, last_month, "top", "meeting_go")).status_code == 405
    assert lead_client.get(step_url(team, last_month, "top", "meeting_timer")).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(team, last_month):
    assert is_login_redirect(Client().get(step_url(team, last_month, "top")))
    assert is_login_redirect(Client().post(step_url(team, last_month, "top", "meeting_go")))


def test_it_hides_the_team_from_outsiders(outsider_client, team, last_month):
    assert outsider_client.get(step_url(team, last_month, "top")).status_code == 404
    assert outsider_client.post(step_url(team, last_month, "top", "meeting_go")).status_code == 404


def test_it_answers_404_for_an_unknown_step(lead_client, team, last_month):
    assert lead_client.get(step_url(team, last_month, "dance")).status_code == 404


def test_it_opens_on_the_first_step(member_client, team, last_month):
    response = member_client.get(month_url("meeting_start", team, last_month))
    assert response.status_code == 302 and response["Location"] == step_url(team, last_month, "actions")


def test_it_walks_every_step_without_javascript(lead_client, team, last_month, month_stories, member):
    Retro.objects.create(team=team, month=last_month).vote(month_stories[4], by=member)
    for number, step in enumerate(STEPS, start=1):
        response = lead_client.post(step_url(team, last_month, step, "meeting_go"))
        assert response.status_code == 302 and response["Location"] == step_url(team, last_month, step)
        html = lead_client.get(response["Location"]).content.decode()
        assert f"{number}/8</span> {escape(step.label)}" in html
        assert "the room is here" in html.split(f">{escape(step.label)}</a>")[1].split("</li>")[0]
    assert Retro.objects.get(team=team, month=last_month).meeting_step == "close"


def test_it_shows_each_steps_content(lead_client, member, team, last_month, month_stories):
    retro = Retro.objects.create(team=team, month=last_month)
    retro.vote(month_stories[4], by=member)
    top = lead_client.get(step_url(team, last_month, "top")).content.decode()
    # The top story is read in full, in place.
    assert '<details class="story-inplace" open>' in top and month_stories[4].what_happened in top
    principles = lead_client.get(step_url(team, last_month, "principles")).content.decode()
    assert "Most honoured" in principles
    bad = lead_client.get(step_url(team, last_month, "bad")).content.decode()
    # The voted bad story was discussed in "top"; the other one is still to discuss.
    assert escape(month_stories[5].title) in bad and month_stories[4].title not in bad
    numbers = lead_client.get(step_url(team, last_month, "numbers")).content.decode()
    assert '<span class="meeting-stat" id="meeting-total">6</span>' in numbers
    close = lead_client.get(step_url(team, last_month, "close")).content.decode()
    assert month_url("retro_close", team, last_month) in close


def test_it_has_keyboard_hints_and_move_controls(lead_client, member_client, team, last_month):
    html = lead_client.get(step_url(team, last_month, "numbers")).content.decode()
    assert "← → or j / k move between steps" in html
    assert "data-meeting-next" in html and "data-meeting-prev" in html
    assert step_url(team, last_month, "top", "meeting_go") in html
    member_html = member_client.get(step_url(team, last_month, "numbers")).content.decode()
    assert f'href="{step_url(team, last_month, "top")}"' in member_html and "meeting_go" not in member_html


def test_it_lets_only_the_lead_move_the_room(member_client, team, last_month):
    assert member_client.post(step_url(team, last_month, "top", "meeting_go")).status_code == 403
    assert (
        member_client.post(
            step_url(team, last_month, "top", "meeting_timer"), {"action": "start"}
        ).status_code
        == 403
    )
    assert not Retro.objects.exists()


def test_it_swaps_the_meeting_and_pushes_the_url_for_htmx(lead_client, team, last_month):
    response = lead_client.post(step_url(team, last_month, "top", "meeting_go"), **HTMX)
    assert response["HX-Push-Url"] == step_url(team, last_month, "top")
    assert response.content.decode().lstrip().startswith('<div id="meeting"')


def test_it_starts_pauses_and_extends_the_timer(lead_client, team, last_month, time_machine):
    url = step_url(team, last_month, Step.TOP, "meeting_timer")
    lead_client.post(step_url(team, last_month, Step.TOP, "meeting_go"))
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    lead_client.post(url, {"action": "start"})
    time_machine.move_to(start + dt.timedelta(minutes=1), tick=False)
    html = lead_client.get(step_url(team, last_month, Step.TOP)).content.decode()
    assert 'role="timer" aria-live="off">4:00<' in html and "running" in html
    lead_client.post(url, {"action": "pause"})
    time_machine.move_to(start + dt.timedelta(minutes=5), tick=False)
    lead_client.post(url, {"action": "extend"})
    html = lead_client.get(step_url(team, last_month, Step.TOP)).content.decode()
    assert ">6:00<" in html and "paused" in html
    assert lead_client.post(url, {"action": "explode"}).status_code == 302  # nothing to do
