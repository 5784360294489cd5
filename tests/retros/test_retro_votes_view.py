"""POST .../stories/<id>/vote/ and .../unvote/: highlights voting."""

from __future__ import annotations

import pytest
from django.test import Client

from stories.core.months import add_months
from stories.models import Retro, RetroVote
from tests.factories import StoryFactory
from tests.retros.helpers import HTMX, is_login_redirect, month_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(month_stories):
    return month_stories[0]


def vote_url(team, month, story, action="retro_vote"):
    return month_url(action, team, month, story_id=story.pk)


def test_it_refuses_get(member_client, team, last_month, story):
    assert member_client.get(vote_url(team, last_month, story)).status_code == 405
    assert member_client.get(vote_url(team, last_month, story, "retro_unvote")).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(team, last_month, story):
    assert is_login_redirect(Client().post(vote_url(team, last_month, story)))
    assert not RetroVote.objects.exists()


def test_it_hides_the_team_from_outsiders(outsider_client, team, last_month, story):
    assert outsider_client.post(vote_url(team, last_month, story)).status_code == 404
    assert not Retro.objects.exists()


def test_it_refuses_moderators_who_are_not_members(moderator_client, team, last_month, story):
    assert moderator_client.post(vote_url(team, last_month, story)).status_code == 403


def test_it_records_a_members_vote_and_creates_the_retro(member_client, member, team, last_month, story):
    response = member_client.post(vote_url(team, last_month, story))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/retros/{last_month:%Y-%m}/#highlights")
    retro = Retro.objects.get(team=team, month=last_month)
    assert list(RetroVote.objects.values_list("retro", "story", "voter")) == [(retro.pk, story.pk, member.pk)]


def test_it_lets_the_lead_vote_too(lead_client, lead, team, last_month, story):
    lead_client.post(vote_url(team, last_month, story))
    assert RetroVote.objects.filter(voter=lead, story=story).exists()


def test_it_swaps_the_highlights_for_htmx(member_client, team, last_month, story):
    html = member_client.post(vote_url(team, last_month, story), **HTMX).content.decode()
    assert html.lstrip().startswith('<section id="highlights"')
    assert "★ Voted" in html and "You have 2 of 3 votes left" in html
    assert "1 vote" in html


def test_it_takes_a_vote_back(member_client, member, team, last_month, story):
    member_client.post(vote_url(team, last_month, story))
    html = member_client.post(vote_url(team, last_month, story, "retro_unvote"), **HTMX).content.decode()
    assert not RetroVote.objects.exists()
    assert "You have 3 of 3 votes left" in html


def test_it_says_so_when_the_votes_are_used_up(member_client, team, last_month, month_stories):
    for story in month_stories[:3]:
        member_client.post(vote_url(team, last_month, story))
    html = member_client.post(vote_url(team, last_month, month_stories[3]), **HTMX).content.decode()
    assert "You have used your 3 votes" in html
    assert RetroVote.objects.count() == 3
    response = member_client.post(vote_url(team, last_month, month_stories[3]), follow=True)
    assert "You have used your 3 votes" in response.content.decode()


def test_it_refuses_stories_of_other_teams_and_months(member_client, team, other_team, last_month):
    foreign = StoryFactory(team=other_team, happened_on=last_month)
    assert member_client.post(vote_url(team, last_month, foreign)).status_code == 404
    earlier = StoryFactory(team=team, happened_on=add_months(last_month, -1))
    html = member_client.post(vote_url(team, last_month, earlier), **HTMX).content.decode()
    assert "another month" in html
    assert not RetroVote.objects.exists()


def test_it_refuses_votes_on_a_closed_retro(member_client, lead_client, team, last_month, story):
    lead_client.post(month_url("retro_close", team, last_month))
    html = member_client.post(vote_url(team, last_month, story), **HTMX).content.decode()
    assert "closed" in html
    assert not RetroVote.objects.exists()


def test_it_answers_404_for_a_future_month(member_client, team, this_month, story):
    assert member_client.post(vote_url(team, add_months(this_month, 1), story)).status_code == 404
