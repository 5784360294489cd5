"""The sequel link page's type-ahead, and outcomes that contradict the sequel's own story."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories.models import Kind, SequelLink, SequelOutcome
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


def _url(story) -> str:
    return reverse("sequel_link", args=[story.pk])


def test_it_finds_later_stories_by_a_word_and_swaps_only_the_candidates(member_client, story_ago, frozen):
    original = story_ago(50)
    umbrella = story_ago(10, title="The umbrella came back")
    story_ago(9, title="A parking question")

    response = member_client.get(_url(original), {"q": "UMBRELLA"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<fieldset class="mb-3" id="sequel-candidates"')
    assert f'value="{umbrella.pk}"' in html
    assert "A parking question" not in html
    # Title, the date in the reader's format and the author as the reader may see them.
    assert "The umbrella came back" in html
    assert "8 Jun 2025" in html
    assert "Mia" in html


def test_it_shows_dates_in_the_readers_language(member_client, story_ago, frozen):
    original = story_ago(50)
    story_ago(10, title="The umbrella came back")

    html = member_client.get(_url(original), headers={"Accept-Language": "de"}).content.decode()

    assert "8. Jun 2025" in html


def test_it_hides_an_anonymous_author_in_the_candidates(member_client, story_ago, lead, frozen):
    original = story_ago(50)
    story_ago(10, title="Told anonymously", author=lead, anonymous=True)

    html = member_client.get(_url(original), {"q": "anonymously"}).content.decode()

    assert "Told anonymously" in html
    assert "Leo" not in html


def test_it_says_when_nothing_matches(member_client, story_ago, frozen):
    original = story_ago(50)
    story_ago(10, title="Keys again")

    html = member_client.get(_url(original), {"q": "zebra"}, headers={"HX-Request": "true"}).content.decode()

    assert "No later story of this team matches “zebra”." in html


def test_it_lists_at_most_eight_most_recent_first_without_a_query(member_client, story_ago, frozen):
    original = story_ago(50)
    stories = [story_ago(days, title=f"Visit {days}") for days in range(1, 12)]

    html = member_client.get(_url(original)).content.decode()

    assert html.count('name="sequel"') == 8
    assert html.index("Visit 1<") < html.index("Visit 2<")
    assert f'value="{stories[-1].pk}"' not in html


def test_it_refuses_praise_from_a_bad_service_story_with_a_clear_message(member_client, story_ago, frozen):
    original = story_ago(50)
    bad = story_ago(10, kind=Kind.BAD, title="We kept them waiting")

    response = member_client.post(_url(original), {"sequel": bad.pk, "outcome": SequelOutcome.THANKS})

    assert response.status_code == 200
    assert "“Thanks or praise” cannot follow from a bad-service story." in response.content.decode()
    assert not SequelLink.objects.exists()


def test_it_accepts_a_bad_service_sequel_whose_outcome_fits(member_client, story_ago, frozen):
    original = story_ago(50)
    bad = story_ago(10, kind=Kind.BAD)

    response = member_client.post(
        _url(original), {"sequel": bad.pk, "outcome": SequelOutcome.CLIENT_RETURNED}
    )

    assert response.status_code == 302
    assert SequelLink.objects.filter(sequel=bad, outcome=SequelOutcome.CLIENT_RETURNED).exists()


def test_it_refuses_the_contradiction_in_the_model_too(member, story_ago, frozen):
    original = story_ago(50)
    bad = StoryFactory(team=original.team, author=member, kind=Kind.BAD, happened_on=original.happened_on)

    with pytest.raises(Exception, match="cannot follow from a bad-service story"):
        SequelLink.link(original=original, sequel=bad, outcome=SequelOutcome.COMPLAINT_WITHDRAWN, by=member)


def test_it_explains_the_refusal_in_spanish(member_client, story_ago, frozen):
    original = story_ago(50)
    bad = story_ago(10, kind=Kind.BAD)

    response = member_client.post(
        _url(original), {"sequel": bad.pk, "outcome": SequelOutcome.THANKS}, headers={"Accept-Language": "es"}
    )

    assert "no puede" in response.content.decode()
