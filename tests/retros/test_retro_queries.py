"""The retro pages cost the same number of SQL queries with 10 stories and with 2,000."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stories.core.months import add_months
from stories.models import Channel, Kind, Perspective, Principle, Story, StoryPrinciple, Verdict
from tests.factories import ActionItemFactory, RetroFactory
from tests.retros.helpers import month_url

pytestmark = pytest.mark.django_db


def add_stories(team, authors, month, count):
    """count published stories spread over the 12 months up to `month`, each with two tags."""
    principles = list(Principle.objects.all())
    kinds, perspectives, channels = (
        itertools.cycle(Kind.values),
        itertools.cycle(Perspective.values),
        itertools.cycle(Channel.values),
    )
    stories = Story.objects.bulk_create(
        [
            Story(
                team=team,
                author=authors[n % len(authors)],
                kind=next(kinds),
                perspective=next(perspectives),
                channel=next(channels),
                title=f"Bulk story {n}",
                what_happened="Generated for the query-count test.",
                happened_on=add_months(month, -(n % 12)) + dt.timedelta(days=n % 28),
                status="published",
                went_beyond=n % 5 == 0,
            )
            for n in range(count)
        ]
    )
    StoryPrinciple.objects.bulk_create(
        [
            StoryPrinciple(story=story, principle=principles[(n + offset) % len(principles)], verdict=verdict)
            for n, story in enumerate(stories)
            for offset, verdict in ((0, Verdict.HONOURED), (7, Verdict.BROKEN))
        ]
    )
    return stories


@pytest.fixture
def populated(team, member, lead, colleagues, last_month):
    """A retro with votes and action items, so every section of the page has something to show."""
    authors = [member, lead, *colleagues]
    stories = add_stories(team, authors, last_month, 10)
    retro = RetroFactory(team=team, month=last_month)
    retro.vote(stories[0], by=member)
    retro.vote(stories[0], by=lead)
    ActionItemFactory(retro=RetroFactory(team=team, month=add_months(last_month, -1)), owner=member)
    ActionItemFactory(retro=retro, owner=lead)
    return authors


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "page",
    [
        "retro_detail",
        "retro_markdown",
        "retro_csv",
        "retro_list",
        "trends",
        "retro_detail_closed",
        "across_teams",
    ],
)
def test_it_costs_the_same_queries_with_10_and_2000_stories(
    page, lead_client, superuser_client, team, last_month, populated, django_assert_num_queries
):
    client = lead_client
    if page == "retro_detail_closed":
        lead_client.post(month_url("retro_close", team, last_month))
        page = "retro_detail"
    if page in ("retro_list", "trends"):
        url = reverse(page, kwargs={"slug": team.slug})
    elif page == "across_teams":
        url, client = reverse("retros_across_teams", kwargs={"month": last_month}), superuser_client
    else:
        url = month_url(page, team, last_month)
    # Both requests count their figures (closing the retro cached them): and the stories added
    # below are written behind the app's back, so no move tells the cache of them.
    cache.clear()
    few = count_queries(client, url)
    # Constant, and small: figures kept month by month are still counted in one query each.
    assert few <= 30
    add_stories(team, populated, last_month, 1990)
    assert Story.objects.count() == 2000
    cache.clear()
    with django_assert_num_queries(few):
        response = client.get(url)
    assert response.status_code == 200
