"""A story opened in place on the retro (a voting candidate's row, a highlight) is drawn once
per app server for the same words, votes and view of its author, and never shown stale."""

from __future__ import annotations

import pytest

from stories.models import Story
from tests.retros.helpers import month_url

DRAWN = {"retros/_story_inplace.html", "retros/_candidate_row.html"}


@pytest.fixture
def url(team, last_month):
    return month_url("retro_detail", team, last_month)


@pytest.fixture
def inplace_renders(drawn):
    return drawn(*DRAWN, pick=lambda context: context["story"]["pk"])


def test_it_draws_each_story_once_for_the_same_words(member_client, url, month_stories, inplace_renders):
    member_client.get(url)
    drawn = len(inplace_renders)
    member_client.get(url)

    assert drawn == len(month_stories)
    assert len(inplace_renders) == drawn


def test_it_shows_new_votes_at_once(member_client, lead_client, url, month_stories, inplace_renders):
    story = month_stories[0]
    member_client.get(url)
    assert lead_client.post(f"{url}stories/{story.pk}/vote/").status_code == 302

    row = member_client.get(url).content.decode().split(f'id="candidate-{story.pk}"')[1].split("</tr>")[0]

    assert '<td class="text-end">1</td>' in row


def test_it_shows_a_story_as_it_is_now(member_client, url, month_stories, inplace_renders):
    story = month_stories[0]
    member_client.get(url)
    Story.objects.filter(pk=story.pk).update(what_happened="She called back to say thank you.")

    html = member_client.get(url).content.decode()

    assert "She called back to say thank you." in html


def test_it_names_an_anonymous_author_only_to_whom_may_see_names(
    member_client, moderator_client, url, month_stories, inplace_renders
):
    anonymous = next(story for story in month_stories if story.anonymous)
    name = anonymous.author.first_name

    def inplace(html: str) -> str:
        start = html.index(f'<a href="/stories/{anonymous.pk}/">')
        return html[html.rindex('<details class="story-inplace"', 0, start) : start]

    as_member = inplace(member_client.get(url).content.decode())
    as_moderator = inplace(moderator_client.get(url).content.decode())

    assert "Anonymous" in as_member and name not in as_member
    assert name in as_moderator
