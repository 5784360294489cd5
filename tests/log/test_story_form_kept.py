"""A new story's blank form is drawn once per app server for the same teams, day and catalogue;
a form holding what someone typed, an edit or a sequel is drawn each time."""

from __future__ import annotations

import re

import pytest

from stories.models import Principle
from tests.factories import MembershipFactory, StoryFactory, TeamFactory

URL = "/stories/new/"
FIELDS = "stories/story_form.html#fields"


@pytest.fixture
def form_draws(drawn):
    return drawn(FIELDS, pick=lambda context: context["form"].user.username)


def _form(html: str) -> str:
    """The form's fields: what a kept form gives back, without the page's own tokens."""
    start = html.index('<form method="post" novalidate data-story-form')
    form = html[start : html.index("</form>", start)]
    form = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", form)
    return re.sub(r'name="submission_token" value="[^"]+"', "", form)


def test_it_draws_the_blank_form_once_for_everyone_in_the_same_team(member_client, lead_client, form_draws):
    first = _form(member_client.get(URL).content.decode())
    again = _form(member_client.get(URL).content.decode())
    for_the_lead = _form(lead_client.get(URL).content.decode())

    assert 'name="title"' in first and 'name="principles"' in first
    assert first == again == for_the_lead
    assert form_draws == ["member"]


def test_it_gives_each_page_its_own_submission_token(member_client, form_draws):
    tokens = [
        re.search(r'name="submission_token" value="([^"]+)"', member_client.get(URL).content.decode())[1]
        for _ in range(2)
    ]
    assert tokens[0] != tokens[1]


def test_it_offers_the_teams_of_whoever_asks(client, member, team, form_draws):
    second = TeamFactory(name="Night desk")
    MembershipFactory(user=member, team=second)
    client.force_login(member)
    both = client.get(URL).content.decode()
    assert "Night desk" in both and team.name in both


def test_it_shows_a_principle_added_to_the_catalogue_since(member_client, form_draws):
    member_client.get(URL)
    Principle.objects.create(slug="patience", name="Patience", group="go-beyond", position=99)
    assert "Patience" in member_client.get(URL).content.decode()
    assert len(form_draws) == 2


def test_it_draws_a_form_with_errors_each_time(member_client, form_draws):
    member_client.post(URL, {"title": "", "kind": "good"})
    member_client.post(URL, {"title": "", "kind": "good"})
    assert form_draws == []  # drawn in the page, never kept


def test_it_draws_an_edit_each_time(member_client, member, team, form_draws):
    story = StoryFactory(team=team, author=member, status="pending", title="Kept the shop open")
    html = member_client.get(f"/stories/{story.pk}/edit/").content.decode()
    assert 'value="Kept the shop open"' in html
    assert form_draws == []


def test_it_draws_a_sequel_each_time(member_client, member, team, form_draws):
    original = StoryFactory(team=team, client_nickname="the red-scarf lady")
    html = member_client.get(f"{URL}?sequel_of={original.pk}").content.decode()
    assert "the red-scarf lady" in html
    assert form_draws == []
