"""GET /retros/<YYYY-MM>/: teams side by side, for moderators and superusers."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from stories.core.months import add_months, month_label
from tests.factories import RetroFactory, StoryFactory
from tests.retros.helpers import is_login_redirect

pytestmark = pytest.mark.django_db


def url_for(month):
    return reverse("retros_across_teams", kwargs={"month": month})


def test_it_refuses_other_methods(moderator_client, last_month):
    assert moderator_client.post(url_for(last_month)).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(last_month):
    assert is_login_redirect(Client().get(url_for(last_month)))


def test_it_is_forbidden_to_members_leads_and_outsiders(
    member_client, lead_client, outsider_client, last_month
):
    for client in (member_client, lead_client, outsider_client):
        assert client.get(url_for(last_month)).status_code == 403


def test_it_compares_teams_for_moderators(
    moderator_client, team, other_team, last_month, month_stories, lead
):
    StoryFactory(team=other_team, happened_on=last_month, kind="bad")
    RetroFactory(team=team, month=last_month).close(by=lead, snapshot={})
    html = moderator_client.get(url_for(last_month)).content.decode()
    table = html.split('id="teams-table"')[1]
    front_desk = table.split("Front Desk")[1].split("</tr>")[0]
    cells = [
        re.sub(r"<[^>]*>", "", cell.rsplit("<td", 1)[-1].split(">", 1)[-1])
        for cell in front_desk.split("</td>")[:-1]
    ]
    # Stories, good, bad; good·gave 4 (3 people), good·received 0; bad·gave (one anonymous
    # story) and bad·received (one signed story) rest on one contributor each, and the page is
    # seen from outside the team: folded, signed or not; folded 2.
    assert cells[:8] == ["6", "4", "2", "4", "0", "fewer than 3 people", "fewer than 3 people", "2"]
    assert "Closed" in front_desk
    support = table.split("Support Line")[1].split("</tr>")[0]
    assert [cell.split(">")[-1] for cell in support.split("</td>")[:3]] == ["1", "0", "1"]
    assert 'id="chart-teams"' in html


def test_it_lets_superusers_in(superuser_client, last_month, team, other_team):
    html = superuser_client.get(url_for(last_month)).content.decode()
    assert team.name in html and other_team.name in html


def test_it_answers_404_for_a_future_month(moderator_client, team, this_month):
    assert moderator_client.get(url_for(this_month)).status_code == 200
    assert moderator_client.get(url_for(add_months(this_month, 1))).status_code == 404


def test_it_shows_a_closed_retros_frozen_figures_like_its_list_and_page(
    moderator_client, lead_client, team, last_month, month_stories
):
    lead_client.post(reverse("retro_close", kwargs={"slug": team.slug, "month": last_month}))
    StoryFactory(team=team, happened_on=last_month, kind="bad")  # logged after closing
    table = moderator_client.get(url_for(last_month)).content.decode().split('id="teams-table"')[1]
    front_desk = table.split("Front Desk")[1].split("</tr>")[0]
    assert [cell.split(">")[-1] for cell in front_desk.split("</td>")[:3]] == ["6", "4", "2"]
    assert "Closed" in front_desk and "figures as closed" in front_desk
    listing = lead_client.get(reverse("retro_list", kwargs={"slug": team.slug})).content.decode()
    row = listing.split(month_label(last_month) + "</a>")[1].split("</tr>")[0]
    assert "Closed" in row and ">6</td>" in row


def test_it_never_compares_teams_with_figures_from_before_a_decision(
    moderator_client, team, lead, last_month, month_stories, monkeypatch
):
    from stories.core import fragments

    def front_desk(html: str) -> str:
        return html.split('id="teams-table"')[1].split("Front Desk")[1].split("</tr>")[0]

    before = moderator_client.get(url_for(last_month)).content.decode()
    assert front_desk(before).startswith('</a></th>\n          <td class="text-end">6</td>')
    rendered = []
    monkeypatch.setattr(fragments, "render_to_string", lambda *args: rendered.append(args) or "")
    assert front_desk(moderator_client.get(url_for(last_month)).content.decode()) == front_desk(before)
    assert not rendered  # the same figures: the table is not rendered again
    monkeypatch.undo()

    month_stories[0].hide(by=lead, reason="off topic")
    after = front_desk(moderator_client.get(url_for(last_month)).content.decode())
    assert after.startswith('</a></th>\n          <td class="text-end">5</td>')

    RetroFactory(team=team, month=last_month).close(by=lead, snapshot={})
    assert "Closed" in front_desk(moderator_client.get(url_for(last_month)).content.decode())
