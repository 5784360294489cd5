import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stories.models import Status
from tests.factories import MembershipFactory, StoryFactory, TeamFactory, UserFactory

URL = "/stories/"


@pytest.fixture
def stories(team, other_team, member, lead):
    return {
        "published": StoryFactory(
            team=team, author=lead, title="Published at the desk", tags=[("empathy", "honoured")]
        ),
        "pending": StoryFactory(
            team=team, author=lead, title="Someone else's pending", status=Status.PENDING
        ),
        "mine": StoryFactory(team=team, author=member, title="My own pending", status=Status.PENDING),
        "withdrawn": StoryFactory(team=team, author=member, title="My withdrawn", status=Status.WITHDRAWN),
        "elsewhere": StoryFactory(team=other_team, title="Another team's story"),
    }


def titles(response):
    return [story.title for story in response.context["page"]]


def test_it_sends_anonymous_visitors_to_login(client, db):
    assert client.get(URL)["Location"].startswith("/accounts/login/")


def test_it_refuses_post(member_client):
    assert member_client.post(URL).status_code == 405


def test_it_shows_my_teams_published_stories_and_my_own_unpublished(member_client, stories):
    response = member_client.get(URL)
    assert response.status_code == 200
    assert sorted(titles(response)) == ["My own pending", "Published at the desk"]
    assert "Pending review" in response.content.decode()


def test_it_shows_an_outsider_nothing_of_the_team(outsider_client, stories):
    assert titles(outsider_client.get(URL)) == ["Another team's story"]


def test_it_shows_the_lead_published_and_own(lead_client, stories):
    assert sorted(titles(lead_client.get(URL))) == ["Published at the desk", "Someone else's pending"]


def test_it_filters_by_every_parameter(member_client, member, team):
    old = StoryFactory(
        team=team,
        kind="bad",
        perspective="received",
        channel="phone",
        happened_on=dt.date(2025, 3, 9),
        title="Rude call centre",
        what_happened="They hung up on me",
        tags=[("honesty", "broken")],
    )
    StoryFactory(team=team, title="Other story", tags=[("empathy", "honoured")])
    for query in [
        "kind=bad",
        "perspective=received",
        "principle=honesty",
        "month=2025-03",
        "q=hung+up",
        "q=RUDE",
        f"team={team.slug}&kind=bad",
    ]:
        assert titles(member_client.get(f"{URL}?{query}")) == [old.title], query


@pytest.mark.parametrize(
    "query",
    [
        "month=2025-13&kind=awful&team=nope&principle=zzz&page=abc",
        "month=0000-01",
        "month=9999-12",
        "page=-1",
        "q=" + "x" * 5000,
        "q=%00",
    ],
)
def test_it_ignores_malformed_filters(member_client, stories, query):
    response = member_client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert len(titles(response)) == 2  # each bad value is dropped, the rest still filters


def test_it_answers_htmx_with_the_results_only(member_client, stories):
    response = member_client.get(f"{URL}?kind=good", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert 'id="story-filters"' not in html


def test_it_answers_a_history_restore_with_the_whole_page(member_client, stories):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<html" in member_client.get(URL, headers=headers).content.decode()


def test_it_paginates_newest_first(member_client, team):
    for day in range(25):
        StoryFactory(team=team, happened_on=dt.date(2025, 1, 1) + dt.timedelta(days=day), title=f"Day {day}")
    first = member_client.get(URL)
    assert titles(first)[0] == "Day 24"
    assert len(titles(first)) == 20
    assert titles(member_client.get(f"{URL}?page=2")) == [f"Day {d}" for d in range(4, -1, -1)]


def test_it_keeps_filters_in_the_pagination_links(member_client, team):
    for _ in range(21):
        StoryFactory(team=team, kind="bad")
    html = member_client.get(f"{URL}?kind=bad").content.decode()
    assert "?kind=bad&amp;page=2" in html


def test_it_hides_anonymous_authors(member_client, team, lead):
    StoryFactory(team=team, author=lead, anonymous=True, title="Quiet one")
    html = member_client.get(URL).content.decode()
    assert "Anonymous" in html
    assert lead.first_name not in html


def _fill(team, count):
    author = UserFactory()
    MembershipFactory(user=author, team=team)
    for _ in range(count):
        StoryFactory(team=team, author=author, tags=[("empathy", "honoured"), ("honesty", "broken")])


def test_it_costs_the_same_queries_for_a_full_page(member_client, team):
    _fill(team, 2)
    with CaptureQueriesContext(connection) as few:
        member_client.get(URL)
    _fill(team, 30)
    with CaptureQueriesContext(connection) as many:
        member_client.get(URL)
    # One short index range per team, one for my own unpublished stories, a capped count of
    # each (published, then mine unpublished when the first is under the cap).
    assert len(few.captured_queries) == len(many.captured_queries) <= 17


def test_it_is_not_mixed_up_by_someone_in_two_teams(member, team):
    second = TeamFactory(slug="second")
    MembershipFactory(user=member, team=second)
    StoryFactory(team=second, title="Second team story")
    client = Client()
    client.force_login(member)
    assert titles(client.get(URL)) == ["Second team story"]
