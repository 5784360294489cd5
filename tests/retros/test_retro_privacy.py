"""No contributor count members can read includes anonymous authors.

With anonymous authors counted, "8 stories from 5 contributors" next to a story list naming
four people tells everyone who wrote the anonymous story. The privacy floor still counts
every author: it decides what is shown and is never shown itself.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from stories.retros.figures import channels, cross_team, month_figures
from stories.retros.snapshots import snapshot_of
from tests.factories import MembershipFactory, RetroFactory, StoryFactory, UserFactory
from tests.retros.helpers import month_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def zoe(team):
    """A member whose only story of the month is anonymous."""
    user = UserFactory(username="zoe", first_name="Zoe")
    MembershipFactory(user=user, team=team)
    return user


@pytest.fixture
def month_with_one_anonymous_author(team, colleagues, member, zoe, last_month):
    """8 published stories from 5 people, 4 of them named: ana, ben, cat, member (and zoe, anonymous)."""
    day = iter(range(1, 20))
    for author in (*colleagues, member, *colleagues):
        StoryFactory(team=team, author=author, happened_on=last_month + dt.timedelta(days=next(day)))
    StoryFactory(team=team, author=zoe, anonymous=True, happened_on=last_month + dt.timedelta(days=next(day)))


def _summary(html: str) -> str:
    match = re.search(r'<p id="headline-summary">(.*?)</p>', html, re.S)
    assert match, "the headline summary is on the page"
    return " ".join(match[1].split())


def test_it_counts_only_named_contributors_on_the_retro_page(
    member_client, team, last_month, month_with_one_anonymous_author
):
    html = member_client.get(month_url("retro_detail", team, last_month)).content.decode()

    assert _summary(html).startswith(
        "8 published stories from 4 named contributors (anonymous authors are not counted)"
    )
    assert "5 contributors" not in html and "from 5" not in html


def test_it_counts_only_named_contributors_in_the_markdown_report(
    member_client, team, last_month, month_with_one_anonymous_author
):
    report = member_client.get(month_url("retro_markdown", team, last_month)).content.decode()

    assert "8 published stories from 4 named contributors (anonymous authors are not counted)." in report
    assert "from 5" not in report


def test_it_keeps_the_privacy_floor_on_every_author_named_or_not(team, colleagues, zoe, last_month):
    # Three people wrote e-mail stories, one anonymously: three contributors, so it is shown.
    for author, anonymous in ((colleagues[0], False), (colleagues[1], False), (zoe, True)):
        StoryFactory(team=team, author=author, anonymous=anonymous, channel="email", happened_on=last_month)

    rows = {row["channel"]: row["count"] for row in channels(team, last_month)["rows"]}
    assert rows["email"] == 3
    assert month_figures(team, last_month)["headline"]["named_contributors"] == 2


def test_it_shows_no_count_from_a_snapshot_that_counted_anonymous_authors(
    member_client, lead, team, last_month, month_with_one_anonymous_author
):
    figures = month_figures(team, last_month)
    # Retros closed before the fix froze the count of every author.
    del figures["headline"]["named_contributors"]
    figures["headline"]["contributors"] = 5
    retro = RetroFactory(team=team, month=last_month)
    retro.close(by=lead, snapshot=snapshot_of(figures))

    html = member_client.get(month_url("retro_detail", team, last_month)).content.decode()
    report = member_client.get(month_url("retro_markdown", team, last_month)).content.decode()

    assert _summary(html) == "8 published stories."
    assert "8 published stories." in report
    assert "contributors" not in _summary(html) and "5 contributors" not in report


def test_it_counts_only_named_contributors_across_teams(
    moderator_client, team, last_month, month_with_one_anonymous_author
):
    assert cross_team([team], last_month)[0]["named_contributors"] == 4

    response = moderator_client.get(reverse("retros_across_teams", kwargs={"month": last_month}))

    html = response.content.decode()
    assert "Named contributors" in html
    assert [row["named_contributors"] for row in response.context["rows"]] == [4]
