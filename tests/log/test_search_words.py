"""What the story list's search finds: word forms, every field, principle names in any language."""

import pytest

from tests.factories import StoryFactory
from tests.log.searching import found, full_text_only


@pytest.mark.parametrize("q", ["Umbrellas", "umbrella", "UMBRELLA", "umbre"])
def test_it_finds_the_umbrella_stories(member_client, team, q):
    StoryFactory(team=team, title="The umbrella we lent", what_happened="It rained.")
    StoryFactory(team=team, title="Rain again", what_happened="We lent two umbrellas.")
    StoryFactory(team=team, title="Nothing to do with rain", what_happened="A parcel.")
    assert sorted(found(member_client, q)) == ["Rain again", "The umbrella we lent"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("lesson", "Keep spare umbrellas."),
        ("client_nickname", "Mr Umbrella"),
        ("what_happened", "Umbrellas!"),
    ],
)
def test_it_searches_every_field_a_person_writes(member_client, team, field, value):
    StoryFactory(team=team, title="Found it", **{field: value})
    StoryFactory(team=team, title="Not this one")
    assert found(member_client, "umbrellas") == ["Found it"]


@pytest.mark.parametrize("q", ["Empathy", "empathie", "Empatía"])
def test_it_finds_principle_names_in_the_catalogues_languages(member_client, team, q):
    StoryFactory(team=team, title="Listened first", tags=[("empathy", "honoured")])
    StoryFactory(team=team, title="Untagged")
    assert found(member_client, q) == ["Listened first"]


def test_it_needs_every_word(member_client, team):
    StoryFactory(team=team, title="Refund for the umbrella")
    StoryFactory(team=team, title="Refund for the parcel")
    assert found(member_client, "refund umbrella") == ["Refund for the umbrella"]


def test_it_leaves_out_a_minus_word(member_client, team):
    StoryFactory(team=team, title="Refund for the umbrella")
    StoryFactory(team=team, title="Refund for the parcel")
    assert found(member_client, "refund -parcel") == ["Refund for the umbrella"]


@full_text_only
def test_it_finds_a_quoted_phrase_in_its_order(member_client, team):
    StoryFactory(team=team, title="The card was late", what_happened="A birthday card.")
    StoryFactory(team=team, title="Late for the card game", what_happened="Cards.")
    assert found(member_client, '"card was late"') == ["The card was late"]


@full_text_only
def test_it_finds_what_is_typed_so_far_as_a_prefix(member_client, team):
    StoryFactory(team=team, title="Refunded at once")
    StoryFactory(team=team, title="Reformed the queue")
    assert found(member_client, "refu") == ["Refunded at once"]


def test_it_finds_nothing_in_another_teams_stories(member_client, team, other_team):
    StoryFactory(team=other_team, title="Their umbrella")
    assert found(member_client, "umbrella") == []


def test_it_survives_query_syntax_typed_by_anyone(member_client, team):
    StoryFactory(team=team, title="Plain story")
    for q in [
        "a & b",
        "x:*",
        "'quote",
        '"unclosed',
        "-",
        "or",
        "!(",
        "<>",
        "a | b",
        "\\",
        "x² ½",
        "ﬁ:*",
        "日本語",
    ]:
        found(member_client, q)
