"""The quarter view: the retro's breakdowns over three months, under the same privacy floor."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from stories.core.months import add_months
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(team, last_month):
    return reverse("retro_quarter", kwargs={"slug": team.slug, "month": last_month})


@pytest.fixture
def small_team_quarter(team, colleagues, last_month):
    """Each month one anonymous e-mail story honouring empathy and one signed one: folded in every month."""
    for offset, author in zip((0, -1, -2), colleagues, strict=True):
        month = add_months(last_month, offset)
        StoryFactory(
            team=team, author=author, anonymous=True, channel="email", happened_on=month,
            tags=[("empathy", "honoured")],
        )  # fmt: skip
        StoryFactory(
            team=team, author=author, channel="email", happened_on=month + dt.timedelta(days=1),
            tags=[("empathy", "honoured")],
        )  # fmt: skip
    # Before the quarter: not counted.
    StoryFactory(team=team, author=colleagues[0], channel="phone", happened_on=add_months(last_month, -3))


def test_it_refuses_other_methods(member_client, url):
    assert member_client.post(url).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response["Location"]


def test_it_hides_the_team_from_outsiders(outsider_client, url):
    assert outsider_client.get(url).status_code == 404


def test_it_answers_404_for_a_future_month(member_client, team, this_month):
    url = reverse("retro_quarter", kwargs={"slug": team.slug, "month": add_months(this_month, 1)})
    assert member_client.get(url).status_code == 404


def test_it_shows_a_small_team_its_quarter_where_each_month_is_folded(
    member_client, lead_client, url, small_team_quarter, team, last_month, django_assert_max_num_queries
):
    month_page = member_client.get(reverse("retro_detail", kwargs={"slug": team.slug, "month": last_month}))
    month_html = month_page.content.decode()
    month_channels = {row["channel"]: row["count"] for row in month_page.context["channel_rows"]}
    assert month_channels["email"] is None  # one signer and one anonymous story in the month: folded
    assert "See the quarter view" in month_html and url in month_html

    for client in (member_client, lead_client):
        with django_assert_max_num_queries(14):
            response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        channels = {row["channel"]: row["count"] for row in response.context["channel_rows"]}
        # Three anonymous stories count as three contributors over the quarter: shown.
        assert channels == {"in_person": 0, "email": 6, "phone": 0, "chat": 0, "social": 0, "other": 0}
        assert response.context["channels"]["total"] == 6
        rows = {row["principle"]: row for row in response.context["principles"]["rows"]}
        assert (rows["empathy"]["honoured"], rows["empathy"]["broken"]) == (6, 0)
        assert "fewer than 3 people</span>" not in html


def test_it_folds_a_quarter_cell_that_still_rests_on_too_few(
    member_client, url, team, colleagues, last_month
):
    StoryFactory(team=team, author=colleagues[0], anonymous=True, channel="chat", happened_on=last_month)

    response = member_client.get(url)

    html = response.content.decode()
    channels = {row["channel"]: row["count"] for row in response.context["channel_rows"]}
    assert channels["chat"] is None and response.context["channels"]["other"] == 1
    assert 'aria-describedby="privacy-quarter"' in html and ">fewer than 3 people</span>" in html
    assert 'id="privacy-quarter"' in html and "never from who wrote an anonymous story" in html
