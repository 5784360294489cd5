"""The story list's search ignores case and a plural "s", and finds principle names."""

import pytest

from stories.log.search import search_stem
from tests.factories import StoryFactory

URL = "/stories/"


def titles(response):
    return [story.title for story in response.context["page"]]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("Umbrellas", "Umbrella"), ("umbrella", "umbrella"), ("bus", "bus"), ("glass", "glass")],
)
def test_it_drops_a_plural_s(word, stem):
    assert search_stem(word) == stem


def test_it_finds_umbrella_stories_by_umbrellas(member_client, team):
    StoryFactory(team=team, title="The umbrella we lent")
    StoryFactory(team=team, title="Nothing to do with rain")
    assert titles(member_client.get(f"{URL}?q=Umbrellas")) == ["The umbrella we lent"]


def test_it_finds_principle_names(member_client, team):
    StoryFactory(team=team, title="Listened first", tags=[("empathy", "honoured")])
    StoryFactory(team=team, title="Untagged")
    assert titles(member_client.get(f"{URL}?q=EMPATHY")) == ["Listened first"]
