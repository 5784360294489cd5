"""A story dated year 0001 is refused, and a date already in the database breaks no page."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from stories.core.months import month_slug
from stories.models import Story
from tests.factories import StoryFactory
from tests.log.story_forms import story_post

YEAR_ONE = dt.date(1, 1, 1)
repair = importlib.import_module("stories.migrations.0004_story_date_floor_one_line_fields")


def test_it_refuses_a_story_dated_year_one_with_a_clear_message(member_client, team):
    response = member_client.post("/stories/new/", story_post(team, happened_on="0001-01-01"))

    assert response.status_code == 200
    assert "The date cannot be before 1 January 2000." in response.content.decode()
    assert not Story.objects.exists()
    assert member_client.get(f"/teams/{team.slug}/retros/").status_code == 200


def test_it_offers_the_floor_to_the_date_picker(member_client):
    assert 'min="2000-01-01"' in member_client.get("/stories/new/").content.decode()


def test_it_accepts_the_floor_itself(member_client, team):
    member_client.post("/stories/new/", story_post(team, happened_on="2000-01-01"))

    assert Story.objects.get().happened_on == dt.date(2000, 1, 1)


def test_it_refuses_an_early_date_in_the_model_and_the_database(team, member):
    story = StoryFactory.build(team=team, author=member, happened_on=dt.date(1999, 12, 31))
    with pytest.raises(ValidationError, match="cannot be before"):
        story.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        StoryFactory(team=team, author=member, happened_on=YEAR_ONE)


def test_it_names_year_one_as_a_url_and_an_export_month():
    assert month_slug(YEAR_ONE) == "0001-01"
    assert reverse("retro_detail", args=["front-desk", YEAR_ONE]) == "/teams/front-desk/retros/0001-01/"


@pytest.mark.usefixtures("without_date_floor")
def test_it_keeps_the_retro_list_and_trends_up_with_a_year_one_story_in_the_database(
    member_client, lead_client, team, member
):
    StoryFactory(team=team, author=member, happened_on=YEAR_ONE, title="From the year dot")
    StoryFactory(team=team, author=member, happened_on=dt.date(9999, 12, 31), title="From the far future")

    for client in (member_client, lead_client):
        assert client.get(f"/teams/{team.slug}/retros/").status_code == 200
        assert client.get(f"/teams/{team.slug}/trends/").status_code == 200
        listing = client.get("/stories/")
        assert listing.status_code == 200
        assert "From the year dot" in listing.content.decode()
    assert member_client.get("/").status_code == 200
    assert member_client.get(f"/teams/{team.slug}/karma/").status_code == 200


@pytest.mark.usefixtures("without_date_floor")
def test_it_repairs_out_of_range_dates_to_the_day_the_story_was_logged(team, member):
    logged = dt.datetime(2025, 3, 14, 9, 0, tzinfo=dt.UTC)
    early = StoryFactory(team=team, author=member, happened_on=YEAR_ONE, created_at=logged)
    future = StoryFactory(team=team, author=member, happened_on=dt.date(9999, 1, 1), created_at=logged)
    fine = StoryFactory(team=team, author=member, happened_on=dt.date(2025, 3, 1), created_at=logged)

    repair.repair_dates(apps, None)

    for story in (early, future, fine):
        story.refresh_from_db()
    assert early.happened_on == dt.date(2025, 3, 14)
    assert future.happened_on == dt.date(2025, 3, 14)
    assert fine.happened_on == dt.date(2025, 3, 1)
