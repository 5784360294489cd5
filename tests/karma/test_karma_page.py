"""/teams/<slug>/karma/: figures, watchlist and ledger, in constant queries.

Members read and act; moderators and superusers read it from outside the team, as its retros.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stories.models import SequelOutcome
from tests.factories import SequelLinkFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("karma", args=["front-desk"])


def _chain(story_ago, *, days: int = 100, sequels: int = 1, **fields):
    original = story_ago(days, went_beyond=True, cost_note="Two hours after closing", **fields)
    for i in range(sequels):
        SequelLinkFactory(original=original, sequel=story_ago(days - 10 - i), outcome=SequelOutcome.REFERRAL)
    return original


def test_it_shows_the_ledger_rate_and_watchlist_to_a_member(member_client, story_ago, frozen):
    original = _chain(story_ago, days=200, title="Stayed after closing for the Hendersons")
    watched = story_ago(45, title="Free gift wrap for the nervous groom")

    response = member_client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stayed after closing for the Hendersons" in html
    assert "Two hours after closing" in html
    assert f'data-chain="{original.pk}"' in html
    assert re.search(r'id="karma-rate">\s*100%', html)
    assert "1 of 1 decided" in html
    assert re.search(r'id="karma-median">\s*10<', html)
    assert 'data-milestone="30"' in html
    assert '<td class="text-end">45</td>' in html  # days since it happened
    assert watched.title in html
    assert f'href="/stories/new/?sequel_of={watched.pk}"' in html
    assert reverse("karma_close", args=[watched.pk]) in html  # the author may close it


def test_it_offers_nothing_came_of_it_to_the_lead_but_not_to_other_members(
    member_client, lead_client, team, story_ago, frozen
):
    someone = UserFactory()
    watched = story_ago(45, author=someone)
    close_url = reverse("karma_close", args=[watched.pk])

    assert close_url not in member_client.get(URL).content.decode()
    assert close_url in lead_client.get(URL).content.decode()


def test_it_shows_anonymous_authors_as_anonymous(member_client, story_ago, frozen):
    someone = UserFactory(first_name="Zebedee")
    _chain(story_ago, author=someone, anonymous=True)
    story_ago(45, author=someone, anonymous=True)

    html = member_client.get(URL).content.decode()

    assert "Zebedee" not in html
    assert "Anonymous" in html


def test_it_explains_an_empty_page(member_client):
    html = member_client.get(URL).content.decode()

    assert "No sequels yet" in html
    assert "Nothing to watch right now" in html
    assert re.search(r'id="karma-rate">\s*–', html)


def test_it_is_for_members_moderators_and_superusers(
    team, client, outsider_client, other_lead_client, moderator_client, superuser_client
):
    assert client.get(URL).status_code == 302
    assert outsider_client.get(URL).status_code == 404
    assert other_lead_client.get(URL).status_code == 404
    # As with the team's retros: moderators and superusers read it from outside the team.
    assert moderator_client.get(URL).status_code == 200
    assert superuser_client.get(URL).status_code == 200
    assert superuser_client.get(reverse("karma", args=["no-such-team"])).status_code == 404


def test_it_lets_moderators_read_without_acting(moderator_client, story_ago, frozen):
    original = _chain(story_ago, days=200, title="Stayed after closing for the Hendersons")
    watched = story_ago(45, title="Free gift wrap for the nervous groom", anonymous=True)

    html = moderator_client.get(URL).content.decode()
    assert f'data-chain="{original.pk}"' in html
    assert watched.title in html
    assert f"?sequel_of={watched.pk}" not in html
    assert reverse("karma_close", args=[watched.pk]) not in html
    assert ">Actions<" not in html


def test_it_lets_a_superuser_act_as_the_lead(superuser_client, story_ago, frozen):
    """The superuser stands in for the lead everywhere: the same buttons the lead has."""
    watched = story_ago(45, title="Free gift wrap for the nervous groom", anonymous=True)

    html = superuser_client.get(URL).content.decode()
    assert f"?sequel_of={watched.pk}" in html
    assert reverse("karma_close", args=[watched.pk]) in html


def test_it_refuses_other_methods(member_client):
    assert member_client.post(URL).status_code == 405


def test_it_serves_a_ledger_page_as_an_htmx_fragment(member_client, story_ago, frozen):
    for i in range(25):
        _chain(story_ago, days=150 - i, title=f"Chain {i}")

    response = member_client.get(URL, {"page": 2}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<section class="mb-4" id="ledger"')
    assert "Page 2 of 2" in html
    assert html.count("data-chain=") == 5


def _watched_rows(html: str) -> list[int]:
    return [int(days) for days in re.findall(r'<td class="text-end">(\d+)</td>', html)]


def test_it_shows_the_oldest_watched_stories_first_and_more_on_request(member_client, story_ago, frozen):
    for age in range(31, 31 + 60):
        story_ago(age, went_beyond=True)

    first = member_client.get(URL).content.decode()
    assert _watched_rows(first) == list(range(90, 65, -1))  # the 25 oldest, oldest first
    assert 'href="?watching=50#watchlist"' in first

    more = member_client.get(URL, {"watching": 50}, headers={"HX-Request": "true", "HX-Target": "watchlist"})
    html = more.content.decode()
    assert html.lstrip().startswith('<section class="mb-4" id="watchlist"')
    assert 'id="ledger"' not in html
    assert _watched_rows(html) == list(range(90, 40, -1))
    assert 'href="?watching=75#watchlist"' in html

    every = member_client.get(URL, {"watching": 75}).content.decode()
    assert len(_watched_rows(every)) == 60
    assert 'href="?watching=' not in every
    assert "Only the oldest stories are shown" not in every


@pytest.mark.parametrize("typed", ["x", "-1", "0", "٣٠", "1e9", "99999999"])
def test_it_shows_a_bounded_watchlist_whatever_is_typed(member_client, story_ago, frozen, typed):
    for age in range(31, 31 + 30):
        story_ago(age, went_beyond=True)

    html = member_client.get(URL, {"watching": typed}).content.decode()

    assert len(_watched_rows(html)) in (25, 30)


def test_it_says_when_the_watchlist_holds_more_than_it_ever_shows(
    member_client, story_ago, frozen, monkeypatch
):
    from stories.karma import figures

    monkeypatch.setattr(figures, "WATCHLIST_SHOWN", 2)
    monkeypatch.setattr(figures, "MAX_WATCHLIST", 4)
    for age in range(31, 36):
        story_ago(age, went_beyond=True)

    html = member_client.get(URL, {"watching": 4}).content.decode()

    assert len(_watched_rows(html)) == 4
    assert 'href="?watching=' not in html
    assert "Only the oldest stories are shown" in html


def _count_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_it_costs_the_same_queries_for_little_and_much_data(member_client, team, story_ago, frozen):
    _chain(story_ago, tags=[("empathy", "honoured")])
    story_ago(45)
    small = _count_queries(member_client)

    for i in range(15):
        _chain(
            story_ago, days=170 - i, sequels=3, tags=[("empathy", "honoured"), ("pay-it-forward", "honoured")]
        )
        story_ago(31 + i * 4, author=UserFactory(), anonymous=i % 2 == 0)
    StoryFactory.create_batch(10, team=team)
    large = _count_queries(member_client)

    assert small == large
    # With an empty cache: the honoured totals read the team's first month, then its months'
    # principle cells in one query.
    assert large <= 20
