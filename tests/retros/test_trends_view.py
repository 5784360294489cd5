"""GET /teams/<slug>/trends/?months=N: month-by-month charts with their data tables."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.retros.helpers import is_login_redirect

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(team):
    return reverse("trends", kwargs={"slug": team.slug})


def test_it_refuses_other_methods(member_client, url):
    assert member_client.post(url).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(url):
    assert is_login_redirect(Client().get(url))


def test_it_hides_the_team_from_outsiders(outsider_client, url):
    assert outsider_client.get(url).status_code == 404


def test_it_shows_members_twelve_months_of_charts_with_tables(member_client, url, month_stories, last_month):
    html = member_client.get(url).content.decode()
    assert html.count('<svg class="chart"') >= 4
    for chart_id in ("chart-good-bad", "chart-good-share", "chart-channels", "chart-actions"):
        assert f'id="{chart_id}"' in html and f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in html
    good_bad_table = html.split("Table: good and bad per month")[1].split("</table>")[0]
    assert good_bad_table.count("<tr>") == 13
    assert (
        f'{last_month:%b %Y}</a></th><td class="text-end">4</td><td class="text-end">2</td>' in good_bad_table
    )
    assert "Other (folded for privacy)" in html


def test_it_shows_the_lead_the_same_page(lead_client, url, month_stories):
    assert lead_client.get(url).status_code == 200


def test_it_takes_a_window_between_3_and_36_months(member_client, url):
    html = member_client.get(url, {"months": 24}).content.decode()
    assert html.split("Table: good and bad per month")[1].split("</table>")[0].count("<tr>") == 25
    assert '<option value="24" selected>' in html


def test_it_falls_back_to_twelve_months_on_bad_input(member_client, url):
    for bad in ("2", "37", "lots"):
        html = member_client.get(url, {"months": bad}).content.decode()
        assert html.split("Table: good and bad per month")[1].split("</table>")[0].count("<tr>") == 13
        assert "Choose between 3 and 36 months" in html


def test_it_has_a_friendly_empty_state(member_client, url):
    assert "No published stories in this period yet" in member_client.get(url).content.decode()
