"""GET /teams/<slug>/trends/?months=N: month-by-month charts with their data tables."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from stories.retros import charts
from tests.factories import StoryFactory
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


def test_it_shows_the_lead_the_same_page(lead_client, member_client, url, month_stories):
    lead_html = lead_client.get(url).content.decode()
    assert 'id="chart-good-bad"' in lead_html and "Other (folded for privacy)" in lead_html
    assert (
        lead_html.split("Table: good and bad per month")[1].split("</table>")[0]
        == member_client.get(url)
        .content.decode()
        .split("Table: good and bad per month")[1]
        .split("</table>")[0]
    )


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


def test_it_says_folded_for_privacy_instead_of_drawing_an_empty_chart(member_client, url, month_stories):
    html = member_client.get(url).content.decode()
    states = dict(re.findall(r'<figure id="multiple-([a-z-]+)" data-state="([a-z]+)">', html))

    # Empathy was honoured by three people: drawn. Make it right was broken by one signed and
    # one anonymous story: folded.
    assert states["empathy"] == "chart" and 'id="chart-principle-empathy"' in html
    assert states["make-it-right"] == "folded" and 'id="chart-principle-make-it-right"' not in html
    folded = html.split('id="multiple-make-it-right"')[1].split("</figure>")[0]
    assert "Folded for privacy (fewer than 3 contributors)." in folded
    assert states["honesty"] == "untagged" and 'id="chart-principle-honesty"' not in html
    assert "Not tagged in these months." in html.split('id="multiple-honesty"')[1].split("</figure>")[0]


def test_it_keeps_folded_cells_apart_from_zero_in_the_data_table(
    member_client, url, month_stories, last_month
):
    html = member_client.get(url).content.decode()
    table = html.split("Table: honoured / broken per principle and month")[1].split("</table>")[0]
    make_it_right = table.split("Make it right</th>")[1].split("</tr>")[0]

    # Last month: never honoured (0); broken in one signed and one anonymous story, too few
    # contributors to show, so it says so in words; and the row stays.
    assert '<td class="text-center">0 / <span class="folded-cell"' in make_it_right
    assert ">fewer than 3 people</span></td>" in make_it_right
    other = table.split("Other (folded for privacy)</th>")[1].split("</tr>")[0]
    assert "0 / 2</td>" in other


def test_it_marks_folded_months_in_a_drawn_chart(member_client, url, team, month_stories, this_month):
    # A single anonymous story honoured empathy this month: that month is folded, last month is drawn.
    StoryFactory(team=team, happened_on=this_month, anonymous=True, tags=[("empathy", "honoured")])

    html = member_client.get(url).content.decode()

    empathy = html.split('<figure id="multiple-empathy" data-state="chart">')[1].split("</figure>")[0]
    assert f'fill="{charts.FOLDED}"' in empathy
    assert "1 month folded for privacy (fewer than 3 people, grey dash)." in empathy


def test_it_never_shows_charts_from_before_a_moderation_decision(
    member_client, url, team, lead, month_stories, last_month, monkeypatch
):
    from stories.core import fragments

    def last_month_row(html: str) -> str:
        return html.split(f"{last_month:%b %Y}</a></th>")[1].split("</tr>")[0]

    before = member_client.get(url).content.decode()
    assert last_month_row(before).startswith('<td class="text-end">4</td>')
    rendered = []
    monkeypatch.setattr(fragments, "render_to_string", lambda *args: rendered.append(args) or "")
    again = member_client.get(url).content.decode()
    assert again.split('id="good-bad"')[1] == before.split('id="good-bad"')[1]  # the same figures, kept
    assert not rendered
    monkeypatch.undo()

    good = next(story for story in month_stories if story.kind == "good")
    good.hide(by=lead, reason="off topic")

    after = member_client.get(url).content.decode()
    assert last_month_row(after).startswith('<td class="text-end">3</td>')
