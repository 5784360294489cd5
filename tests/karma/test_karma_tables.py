"""The watchlist and the ledger are drawn once per app server for the same rows, and never
shown as they were before a sequel, a "nothing came of it" or another day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from stories.core import fragments
from stories.models import SequelOutcome, Story
from tests.bodies import CSRF_TOKEN
from tests.factories import SequelLinkFactory

pytestmark = pytest.mark.django_db

URL = reverse("karma", args=["front-desk"])
TABLES = {"karma/_watchlist.html", "karma/_ledger.html"}


@pytest.fixture
def table_renders(drawn):
    return drawn(*TABLES, pick=lambda context: "watchlist" if "rows" in context else "ledger")


def test_it_draws_each_table_once_for_the_same_rows(member_client, story_ago, frozen, table_renders):
    story_ago(45, title="Free gift wrap for the nervous groom")
    member_client.get(URL)
    html = member_client.get(URL).content.decode()

    assert "Free gift wrap for the nervous groom" in html
    assert sorted(table_renders) == ["ledger", "watchlist"]


def test_it_shows_a_new_sequel_and_drops_the_story_from_the_watchlist(
    member_client, story_ago, frozen, table_renders
):
    watched = story_ago(45, title="Free gift wrap for the nervous groom")
    member_client.get(URL)
    SequelLinkFactory(
        original=watched,
        sequel=story_ago(5, title="The groom came back"),
        outcome=SequelOutcome.CLIENT_RETURNED,
    )

    html = member_client.get(URL).content.decode()
    watchlist = html[html.index('id="watchlist"') : html.index('id="ledger"')]
    ledger = html[html.index('id="ledger"') :]

    assert "Free gift wrap" not in watchlist
    assert "Free gift wrap" in ledger and "The groom came back" in ledger


def test_it_counts_the_days_afresh_each_day(member_client, story_ago, frozen, table_renders):
    story_ago(45)
    before = member_client.get(URL).content.decode()
    frozen.shift(dt.timedelta(days=1))
    after = member_client.get(URL).content.decode()

    assert '<td class="text-end">45</td>' in before
    assert '<td class="text-end">46</td>' in after


def test_it_gives_each_page_its_own_token_that_nothing_came_of_it_accepts(
    member, story_ago, frozen, table_renders
):
    watched = story_ago(45)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    client.get(URL)  # the watchlist is kept now: this page takes it from the kept tables
    html = client.get(URL).content.decode()
    watchlist = html[html.index('id="watchlist"') : html.index('id="ledger"')]
    tokens = set(CSRF_TOKEN.findall(watchlist))

    assert fragments.CSRF_SLOT not in html
    assert len(tokens) == 1
    close = reverse("karma_close", args=[watched.pk])
    assert client.post(close, {"next": URL, "csrfmiddlewaretoken": "x" * 64}).status_code == 403
    assert client.post(close, {"next": URL, "csrfmiddlewaretoken": tokens.pop()}).status_code == 302
    assert Story.objects.get(pk=watched.pk).karma_closed_at is not None
