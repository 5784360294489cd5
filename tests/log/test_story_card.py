"""A story card is drawn once per app server for the same story, and never shows an old one."""

from __future__ import annotations

import pytest
from django.utils import translation

from stories.models import Story, StoryPrinciple
from tests.factories import MembershipFactory, StoryFactory

URL = "/stories/"
CARD = "stories/_story_card.html"


@pytest.fixture
def card_renders(drawn):
    return drawn(CARD, pick=lambda context: context["card"]["title"])


def _cards(html: str) -> str:
    return html[html.index('<article class="story-card"') : html.rindex("</article>")]


@pytest.fixture
def story(team, lead):
    return StoryFactory(team=team, author=lead, title="Stayed after closing", tags=[("empathy", "honoured")])


def test_it_draws_a_card_once_for_the_same_story(member_client, story, card_renders):
    first = _cards(member_client.get(URL).content.decode())
    again = _cards(member_client.get(URL).content.decode())

    assert "Stayed after closing" in first
    assert first == again
    assert card_renders == ["Stayed after closing"]


def test_it_shows_the_story_as_it_is_now_after_an_edit(member_client, story, card_renders):
    member_client.get(URL)
    Story.objects.filter(pk=story.pk).update(title="Stayed an hour after closing")
    StoryPrinciple.objects.filter(story=story).update(verdict="broken")

    html = member_client.get(URL).content.decode()

    assert "Stayed an hour after closing" in html
    assert "✗</span> Empathy" in html and "✓</span> Empathy" not in html


def test_it_names_an_anonymous_author_only_to_whom_may_see_names(
    member_client, moderator, moderator_client, team, lead, card_renders
):
    MembershipFactory(user=moderator, team=team)  # a moderator who is also on the team
    StoryFactory(team=team, author=lead, title="Told anonymously", anonymous=True)

    as_member = _cards(member_client.get(URL).content.decode())
    as_moderator = _cards(moderator_client.get(URL).content.decode())
    as_member_again = _cards(member_client.get(URL).content.decode())

    assert "Told anonymously" in as_moderator
    assert "Leo" in as_moderator
    assert "Leo" not in as_member and "Anonymous" in as_member
    assert as_member_again == as_member


def test_it_draws_the_card_again_in_another_language(member_client, story, card_renders):
    member_client.get(URL)
    with translation.override("de"):
        german = member_client.get(URL, HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert "Guter Service" in _cards(german)
    assert len(card_renders) == 2


def test_it_escapes_what_a_person_typed(member_client, team, lead, card_renders):
    StoryFactory(team=team, author=lead, title="<b>bold</b>", what_happened="<script>x</script>")

    html = member_client.get(URL).content.decode()

    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;" in html
