"""A team's lead sets the language its stories are written in, on the members page."""

import pytest

from tests.factories import StoryFactory

URL = "/teams/front-desk/members/language/"


def test_it_shows_the_choice_to_the_lead_only(lead_client, member_client, team):
    assert "Language of the team" in lead_client.get("/teams/front-desk/members/").content.decode()
    assert "Language of the team" not in member_client.get("/teams/front-desk/members/").content.decode()


def test_it_lets_the_lead_change_the_language(lead_client, team):
    response = lead_client.post(URL, {"language": "de"})
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.language == "de"


@pytest.mark.parametrize("client_name", ["member_client", "other_lead_client"])
def test_it_refuses_everyone_but_the_lead(request, client_name, team):
    client = request.getfixturevalue(client_name)
    assert client.post(URL, {"language": "de"}).status_code in {403, 404}
    team.refresh_from_db()
    assert team.language == "en"


def test_it_refuses_a_language_not_offered(lead_client, team):
    assert lead_client.post(URL, {"language": "fr"}).status_code == 400


def test_it_refuses_a_get(lead_client, team):
    assert lead_client.get(URL).status_code == 405


def test_it_restems_the_stories(lead_client, member_client, team):
    StoryFactory(team=team, title="Zwei Kunden warteten", what_happened="Nichts weiter.")
    lead_client.post(URL, {"language": "de"})
    response = member_client.get("/stories/", {"q": '"Kunde"'})
    assert [story.title for story in response.context["page"]] == ["Zwei Kunden warteten"]
