"""Closing a retro freezes its highlights in the order the live page showed them, ties included."""

from __future__ import annotations

import datetime as dt

import pytest

from stories.models import Retro
from stories.retros.figures import highlight_votes
from tests.factories import RetroFactory, StoryFactory
from tests.retros.helpers import month_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def tied_votes(team, member, lead, colleagues, last_month):
    """One story with two votes, then three tied on one vote each; ids run against their dates."""

    def story(day: int, title: str):
        return StoryFactory(team=team, title=title, happened_on=last_month + dt.timedelta(days=day))

    # Created in this order, so the lowest ids are the earliest tied stories.
    early, middle, late, top, unvoted = (
        story(2, "Early tie"),
        story(3, "Middle tie"),
        story(9, "Late tie"),
        story(1, "Most voted"),
        story(12, "Nobody voted"),
    )
    retro = RetroFactory(team=team, month=last_month)
    retro.vote(top, by=member)
    retro.vote(top, by=lead)
    for voter, tied in zip(colleagues, (early, middle, late), strict=True):
        retro.vote(tied, by=voter)
    return {"top": top, "late": late, "middle": middle, "early": early, "unvoted": unvoted, "retro": retro}


def _highlight_ids(client, team, month) -> list[int | None]:
    response = client.get(month_url("retro_detail", team, month))
    assert response.status_code == 200
    return [row["story"].pk if row["story"] else None for row in response.context["highlights"]]


def test_it_ranks_ties_by_the_later_story_first(member_client, team, last_month, tied_votes):
    stories = tied_votes
    assert _highlight_ids(member_client, team, last_month) == [
        stories["top"].pk,
        stories["late"].pk,
        stories["middle"].pk,
    ]


def test_it_keeps_the_same_highlights_after_close(lead_client, member_client, team, last_month, tied_votes):
    before = _highlight_ids(member_client, team, last_month)

    assert lead_client.post(month_url("retro_close", team, last_month)).status_code == 302

    assert Retro.objects.get(team=team, month=last_month).is_closed
    assert _highlight_ids(member_client, team, last_month) == before


def test_it_freezes_every_voted_story_in_the_live_order(member_client, team, last_month, tied_votes):
    stories = tied_votes
    response = member_client.get(month_url("retro_detail", team, last_month))
    live = [(story.pk, story.votes) for story in response.context["candidates"] if story.votes]

    frozen = highlight_votes(team, last_month, stories["retro"])

    assert [(row["story"], row["votes"]) for row in frozen] == live
    assert [row["story"] for row in frozen] == [
        stories["top"].pk,
        stories["late"].pk,
        stories["middle"].pk,
        stories["early"].pk,
    ]
