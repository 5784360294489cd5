"""A search's ranking is kept for the person and the words and filters they searched: the
next page reads no match again, and a change to a story of their teams is never missed."""

from __future__ import annotations

import pytest

from stories.log import search_results
from stories.models import Status
from tests.factories import MembershipFactory, StoryFactory, TeamFactory
from tests.log.searching import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def rankings(monkeypatch):
    """How many times the matches were read and ranked."""
    made = []
    real = search_results._newest

    def newest(part):
        made.append(part)
        return real(part)

    monkeypatch.setattr(search_results, "_newest", newest)
    return made


@pytest.fixture
def umbrellas(team):
    return [StoryFactory(team=team, title=f"Umbrella {n:02}", what_happened="Rain.") for n in range(23)]


def test_it_ranks_once_for_every_page_of_the_same_search(member_client, umbrellas, rankings):
    first = found(member_client, "umbrella")
    second = found(member_client, "umbrella", page="2")
    again = found(member_client, "umbrella")

    assert (len(first), len(second)) == (20, 3)
    assert again == first
    assert len(rankings) == 2  # the member's team and their own unpublished stories, read once


def test_it_ranks_again_for_other_words_or_filters(member_client, umbrellas, rankings):
    found(member_client, "umbrella")
    found(member_client, "rain")
    found(member_client, "umbrella", kind="bad")
    assert len(rankings) == 6


def test_it_finds_a_story_published_since(member_client, lead, member, team, umbrellas):
    found(member_client, "umbrella")
    late = StoryFactory(team=team, author=member, title="Umbrella, late", status=Status.PENDING)
    late.approve(by=lead)
    assert "Umbrella, late" in found(member_client, "umbrella")


def test_it_leaves_out_a_story_hidden_since(member_client, lead, team, umbrellas):
    assert "Umbrella 22" in found(member_client, "umbrella")
    umbrellas[-1].hide(by=lead, reason="Names a client")
    assert "Umbrella 22" not in found(member_client, "umbrella")


def test_it_never_shows_one_persons_ranking_to_another(client, member, team, umbrellas):
    mine = StoryFactory(team=team, author=member, title="Umbrella of mine", status=Status.PENDING)
    client.force_login(member)
    assert mine.title in found(client, "umbrella")
    colleague = MembershipFactory(team=team).user
    client.force_login(colleague)
    assert mine.title not in found(client, "umbrella")


def test_it_searches_a_team_joined_since(client, member, team, umbrellas):
    other = TeamFactory(name="Night desk")
    StoryFactory(team=other, title="Umbrella at night")
    client.force_login(member)
    assert "Umbrella at night" not in found(client, "umbrella", page="2")
    MembershipFactory(user=member, team=other)
    assert "Umbrella at night" in found(client, "umbrella") + found(client, "umbrella", page="2")


def test_it_never_lists_a_kept_story_its_reader_may_no_longer_see(member_client, member, team, umbrellas):
    """Even a ranking kept past a change no counter names (a story moved by a plain UPDATE)
    lists only what its reader may see now."""
    found(member_client, "umbrella")
    Story = type(umbrellas[0])
    Story.objects.filter(pk=umbrellas[-1].pk).update(status=Status.HIDDEN)
    assert "Umbrella 22" not in found(member_client, "umbrella")


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "2.5"])
def test_it_answers_a_bad_page_of_a_kept_ranking(member_client, umbrellas, rankings, page):
    found(member_client, "umbrella")
    response = member_client.get("/stories/", {"q": "umbrella", "page": page})
    assert response.status_code == 200
    assert len(rankings) == 2  # still the one ranking
    assert all(story.title.startswith("Umbrella") for story in response.context["page"])


def test_it_sends_an_anonymous_visitor_to_log_in(client, umbrellas):
    response = client.get("/stories/", {"q": "umbrella"})
    assert response.status_code == 302 and "/login" in response["Location"]


def test_it_shows_an_outsider_nothing_of_a_team_another_person_searched(
    member_client, outsider_client, umbrellas
):
    assert found(member_client, "umbrella")
    assert found(outsider_client, "umbrella") == []
