"""GET /teams/<slug>/retros/<YYYY-MM>/: the monthly retro page."""

from __future__ import annotations

import pytest
from django.test import Client

from stories.core.months import add_months
from stories.models import Retro
from stories.retros.figures import month_figures
from stories.retros.snapshots import snapshot_of
from tests.factories import RetroFactory, StoryFactory
from tests.retros.helpers import HTMX, is_login_redirect, month_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(team, last_month):
    return month_url("retro_detail", team, last_month)


def test_it_refuses_other_methods(member_client, url):
    assert member_client.post(url).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(team, url):
    assert is_login_redirect(Client().get(url))


def test_it_hides_the_team_from_outsiders(outsider_client, other_lead_client, url):
    assert outsider_client.get(url).status_code == 404
    assert other_lead_client.get(url).status_code == 404


def test_it_shows_a_member_the_figures_without_lead_controls(member_client, url, month_stories, last_month):
    response = member_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="headline-good">4<' in html and 'id="headline-bad">2<' in html
    assert "6 published stories from 3 named contributors (anonymous authors are not counted)" in html
    assert "Close retro" not in html
    assert 'name="notes"' in html  # every member writes the notes in the meeting
    assert 'href="/retros/' not in html
    assert "☆ Vote" in html and "You have 3 of 3 votes left" in html
    assert 'class="chart"' in html and 'class="sparkline"' in html
    assert 'id="karma"' in html


def test_it_gives_the_lead_close_and_notes(lead_client, url, month_stories):
    html = lead_client.get(url).content.decode()
    assert "Close retro" in html and 'name="notes"' in html


def test_it_lets_moderators_read_without_taking_part(moderator_client, url, month_stories):
    html = moderator_client.get(url).content.decode()
    assert 'id="headline-good">4<' in html
    assert "☆ Vote" not in html and "Add an action item" not in html and "Close retro" not in html
    assert f'href="/retros/{month_stories[0].happened_on:%Y-%m}/"' in html


def test_it_does_not_create_a_retro_by_looking(member_client, url, month_stories):
    member_client.get(url)
    assert not Retro.objects.exists()


def test_it_answers_404_for_future_and_malformed_months(member_client, team, this_month):
    assert member_client.get(month_url("retro_detail", team, this_month)).status_code == 200
    assert member_client.get(month_url("retro_detail", team, add_months(this_month, 1))).status_code == 404
    for bad in ("2025-13", "2025-00", "2025-5", "202-05", "may-2025"):
        assert member_client.get(f"/teams/{team.slug}/retros/{bad}/").status_code == 404


def test_it_shows_a_friendly_empty_state(member_client, url):
    html = member_client.get(url).content.decode()
    assert "No stories for" in html and "Log a story" in html
    assert 'id="headline-good"' not in html


def test_it_hides_anonymous_authors_from_members(member_client, url, month_stories):
    html = member_client.get(url).content.decode()
    anonymous = month_stories[-1]
    assert "Anonymous" in html
    assert (
        anonymous.author.first_name not in html.split(f'id="candidate-{anonymous.pk}"')[1].split("</tr>")[0]
    )


def test_it_explains_folded_figures(member_client, url, month_stories):
    html = member_client.get(url).content.decode()
    assert "Other (folded for privacy)" in html
    assert "fewer than 3 people" in html


def test_it_orders_highlights_by_votes(
    member_client, url, team, last_month, month_stories, member, lead, colleagues
):
    retro = RetroFactory(team=team, month=last_month)
    retro.vote(month_stories[2], by=member)
    retro.vote(month_stories[2], by=lead)
    retro.vote(month_stories[4], by=lead)
    html = member_client.get(url).content.decode()
    highlights = html.split('id="highlights"')[1].split("vote-list")[0]
    assert highlights.index(month_stories[2].title) < highlights.index(month_stories[4].title)
    assert "2 votes" in highlights and "1 vote" in highlights


def test_it_renders_a_closed_retro_from_its_snapshot(
    member_client, url, team, last_month, month_stories, lead
):
    retro = RetroFactory(team=team, month=last_month)
    retro.close(by=lead, snapshot=snapshot_of(month_figures(team, last_month, retro)))
    html = member_client.get(url).content.decode()
    assert "frozen" in html and 'id="live-differs"' not in html
    month_stories[0].hide(by=lead)
    StoryFactory(team=team, happened_on=last_month, kind="bad")
    html = member_client.get(url).content.decode()
    assert 'id="headline-good">4<' in html
    assert 'id="live-differs"' in html and "now counts 6 published stories, against 6" in html
    assert "☆ Vote" not in html and "Close retro" not in html


def test_it_serves_the_retro_fragment_to_htmx(member_client, url, month_stories):
    response = member_client.get(url, **HTMX)
    assert "HX-Request" in response["Vary"]
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="retro"')
    assert "<html" not in html


def test_it_never_shows_principles_or_channels_from_before_a_moderation_decision(
    member_client, url, lead, month_stories, monkeypatch
):
    from stories.core import fragments

    def empathy_row(html: str) -> str:
        return html.split('<th scope="row" class="fw-normal">Empathy</th>')[1].split("</tr>")[0]

    before = member_client.get(url).content.decode()
    assert '<td class="heat heat-good-4">4</td>' in empathy_row(before)
    rendered = []
    monkeypatch.setattr(fragments, "render_to_string", lambda *args: rendered.append(args) or "")
    again = member_client.get(url).content.decode()

    def figures(html: str) -> str:
        return html.split('id="principles"')[1].split('id="karma"')[0]

    assert figures(again) == figures(before)  # kept, not drawn again
    assert not rendered
    monkeypatch.undo()

    month_stories[0].hide(by=lead, reason="off topic")

    after = member_client.get(url).content.decode()
    assert '<td class="heat heat-good-4">3</td>' in empathy_row(after)
