"""Stories are stemmed in their team's language, and searched in it."""

from tests.factories import StoryFactory, TeamFactory
from tests.log.searching import found, full_text_only

pytestmark = full_text_only


def test_it_finds_a_german_word_by_its_plural_in_a_german_team(member_client, team):
    team.language = "de"
    team.save(update_fields=["language"])
    StoryFactory(team=team, title="Der vergessene Regenschirm", what_happened="Wir haben ihn aufbewahrt.")
    StoryFactory(team=team, title="Ein Paket", what_happened="Es kam zu spät.")
    assert found(member_client, "Regenschirme") == ["Der vergessene Regenschirm"]


def test_it_restems_the_teams_stories_when_its_language_changes(member_client, team):
    StoryFactory(team=team, title="Zwei Kunden warteten", what_happened="Nichts weiter.")
    # English stems "Kunde" to "kund" but leaves "Kunden" alone; German stems both to "kund".
    # Quoted: the whole word, not a prefix of the one being typed.
    assert found(member_client, '"Kunde"') == []

    team.language = "de"
    team.save()

    assert found(member_client, '"Kunde"') == ["Zwei Kunden warteten"]


def test_it_searches_each_team_in_its_own_language(member, member_client, team):
    german = TeamFactory(name="Empfang", slug="empfang", language="de")
    german.memberships.create(user=member)
    StoryFactory(team=german, title="Zwei Kunden warteten", what_happened="Nichts weiter.")
    StoryFactory(team=team, title="Two customers waited", what_happened="Nothing more.")
    assert found(member_client, '"Kunde"') == ["Zwei Kunden warteten"]
    assert found(member_client, "customer") == ["Two customers waited"]
