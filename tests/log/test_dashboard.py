import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import Status
from tests.factories import StoryFactory

URL = "/"


def test_it_sends_anonymous_visitors_to_login(client, db):
    assert client.get(URL)["Location"].startswith("/accounts/login/")


def test_it_refuses_post(member_client):
    assert member_client.post(URL).status_code == 405


def test_it_counts_this_months_published_stories_per_team(member_client, member, team):
    today = team.today()
    StoryFactory.create_batch(3, team=team, kind="good", happened_on=today)
    StoryFactory.create_batch(2, team=team, kind="bad", happened_on=today)
    StoryFactory(team=team, kind="bad", happened_on=today, status=Status.PENDING)
    StoryFactory(team=team, kind="good", happened_on=today.replace(day=1) - dt.timedelta(days=1))
    row = member_client.get(URL).context["team_rows"][0]
    assert (row["team"], row["good"], row["bad"]) == (team, 3, 2)


def test_it_lists_my_recent_stories_and_the_log_button(member_client, member, team):
    StoryFactory(team=team, author=member, title="Mine, pending", status=Status.PENDING)
    html = member_client.get(URL).content.decode()
    assert "Mine, pending" in html
    assert 'href="/stories/new/"' in html


def test_it_shows_an_outsider_only_their_team(outsider_client, team, other_team):
    rows = outsider_client.get(URL).context["team_rows"]
    assert [row["team"] for row in rows] == [other_team]


def test_it_shows_the_lead_their_team(lead_client, team):
    assert [row["team"] for row in lead_client.get(URL).context["team_rows"]] == [team]


def test_it_costs_the_same_queries_whatever_the_data(member_client, member, team):
    StoryFactory(team=team, author=member)
    with CaptureQueriesContext(connection) as few:
        member_client.get(URL)
    StoryFactory.create_batch(20, team=team, author=member, tags=[("empathy", "honoured")])
    with CaptureQueriesContext(connection) as many:
        member_client.get(URL)
    assert len(few.captured_queries) == len(many.captured_queries) <= 13
