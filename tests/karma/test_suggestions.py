"""Suggested originals while a story is being written: nickname first, then text."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from stories.karma import links
from stories.models import Status
from tests.factories import StoryFactory
from tests.karma.conftest import TODAY

pytestmark = pytest.mark.django_db

URL = reverse("karma_suggestions")


@pytest.fixture
def stories(story_ago, member, frozen):
    return {
        "scarf": story_ago(
            60,
            title="Rain-soaked parcel replaced",
            client_nickname="Red Scarf",
            what_happened="Parcel ruined.",
        ),
        "boiler": story_ago(
            50,
            title="Boiler breakdown on Sunday",
            what_happened="We sent an engineer for the boiler at our cost.",
        ),
        "cake": story_ago(40, title="Wedding cake rescue", what_happened="The cake toppled in the van."),
        "later": story_ago(1, title="Boiler again, later", client_nickname="red scarf"),
        "hidden": story_ago(45, title="Boiler trouble", client_nickname="Red Scarf", status=Status.HIDDEN),
    }


def test_it_puts_the_same_client_first_then_the_best_text_match(member, team, stories):
    found = links.suggest_originals(
        member,
        team,
        client_nickname="RED SCARF",
        title="Boiler engineer came back",
        text="The boiler family sent their neighbours to us.",
        happened_on=TODAY - dt.timedelta(days=10),
    )

    assert found[:2] == [stories["scarf"], stories["boiler"]]
    assert stories["cake"] not in found  # nothing in common
    assert stories["later"] not in found  # after the new story
    assert stories["hidden"] not in found  # not published


def test_it_matches_on_text_alone_and_stays_within_the_team(member, team, other_team, stories):
    StoryFactory(
        team=other_team, title="Boiler breakdown elsewhere", happened_on=TODAY - dt.timedelta(days=30)
    )

    found = links.suggest_originals(member, team, title="The boiler breakdown family", happened_on=TODAY)

    assert found[0] == stories["boiler"]
    assert all(story.team_id == team.pk for story in found)


def test_it_suggests_nothing_without_a_nickname_or_telling_words(member, team, stories):
    assert links.suggest_originals(member, team, title="It was the", happened_on=TODAY) == []


def test_it_keeps_at_most_five(member, team, story_ago, frozen):
    for days in range(10, 20):
        story_ago(days, client_nickname="Mr Umbrella")

    assert len(links.suggest_originals(member, team, client_nickname="mr umbrella", happened_on=TODAY)) == 5


def test_it_renders_radio_buttons_named_sequel_of_for_the_story_form(member_client, team, stories):
    response = member_client.get(
        URL,
        {
            "team": team.pk,
            "client_nickname": "red scarf",
            "title": "",
            "what_happened": "",
            "happened_on": (TODAY - dt.timedelta(days=10)).isoformat(),
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert f'name="sequel_of" value="{stories["scarf"].pk}"' in html
    assert 'name="sequel_of" value="" id="sequel-of-none" checked' in html
    assert "Mia" in html  # the author's label


def test_it_keeps_the_chosen_story_checked_while_typing(member_client, team, stories):
    response = member_client.get(
        URL,
        {
            "team": team.pk,
            "title": "Wedding cake",
            "sequel_of": stories["boiler"].pk,
            "happened_on": "bad-date",
        },
    )

    html = response.content.decode()
    assert f'value="{stories["boiler"].pk}" id="sequel-of-{stories["boiler"].pk}" checked' in html
    assert f'value="{stories["cake"].pk}"' in html


def test_it_hides_anonymous_authors(member_client, team, story_ago, frozen):
    story_ago(20, client_nickname="Dr Tweed", anonymous=True)

    html = member_client.get(URL, {"team": team.pk, "client_nickname": "dr tweed"}).content.decode()

    assert "Anonymous" in html
    assert "Mia" not in html


def test_it_renders_an_empty_fragment_for_no_match_or_a_team_not_mine(
    member_client, outsider_client, team, stories
):
    nothing = member_client.get(URL, {"team": team.pk, "title": "zzzz qqqq"})
    outsider = outsider_client.get(URL, {"team": team.pk, "client_nickname": "red scarf"})
    garbage = member_client.get(URL, {"team": "front-desk"})

    for response in (nothing, outsider, garbage):
        assert response.status_code == 200
        assert 'name="sequel_of"' not in response.content.decode()


def test_it_refuses_post_and_anonymous_visitors(member_client, client):
    assert member_client.post(URL).status_code == 405
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_carries_the_outcome_select_and_keeps_its_choice(member_client, team, stories):
    html = member_client.get(
        URL, {"team": team.pk, "client_nickname": "red scarf", "sequel_outcome": "referral"}
    ).content.decode()

    assert 'name="sequel_outcome"' in html
    assert '<option value="referral" selected>' in html
