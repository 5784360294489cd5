"""GET /teams/<slug>/retros/: the team's retros, newest first, with each month's headline."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from stories.core.months import add_months, month_label
from stories.models import Retro
from tests.factories import ActionItemFactory, RetroFactory, StoryFactory
from tests.retros.helpers import is_login_redirect

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(team):
    return reverse("retro_list", kwargs={"slug": team.slug})


def test_it_refuses_other_methods(member_client, url):
    assert member_client.post(url).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(url):
    assert is_login_redirect(Client().get(url))


def test_it_hides_the_team_from_outsiders(outsider_client, url):
    assert outsider_client.get(url).status_code == 404


def test_it_lists_the_current_month_even_without_stories(member_client, url, this_month):
    html = member_client.get(url).content.decode()
    assert month_label(this_month) in html and "In progress" in html
    assert not Retro.objects.exists()


def test_it_lists_months_newest_first_with_headlines(lead_client, url, team, last_month, month_stories):
    older = add_months(last_month, -3)
    StoryFactory(team=team, happened_on=older, kind="bad")
    retro = RetroFactory(team=team, month=last_month)
    ActionItemFactory(retro=retro)
    html = lead_client.get(url).content.decode()
    table = html.split('id="retro-list"')[1]
    positions = [table.index(month_label(month)) for month in (add_months(last_month, 1), last_month, older)]
    assert positions == sorted(positions)
    last_row = table.split(month_label(last_month))[1].split("</tr>")[0]
    cells = [cell.split(">")[-1] for cell in last_row.split("</td>")[1:-1]]
    assert cells == ["6", "4", "2", "5", "1", "1"]
    assert month_label(add_months(last_month, -1)) not in table


def test_it_marks_closed_retros(lead_client, url, team, last_month, month_stories):
    lead_client.post(reverse("retro_close", kwargs={"slug": team.slug, "month": last_month}))
    html = lead_client.get(url).content.decode()
    assert "Closed" in html.split(month_label(last_month))[1].split("</tr>")[0]
