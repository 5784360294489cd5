"""The story form's one-time token, on its own: not the 30-minute duplicate check standing in for it.

A resent form (a double click, a retry after a timeout, the browser's "resend") carries the
same token. Whatever it now says and however late it comes, it finds the story the token
already made: it never makes a second.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from stories.models import Story
from tests.log.story_forms import story_post

pytestmark = pytest.mark.django_db


def test_it_finds_the_first_story_when_the_resent_form_says_something_else(member_client, team):
    data = story_post(team)
    first = member_client.post(reverse("story_create"), data)
    changed = {**data, "title": "A different title", "what_happened": "Another account altogether."}
    second = member_client.post(reverse("story_create"), changed)
    story = Story.objects.get()
    assert first["Location"] == second["Location"] == story.get_absolute_url()
    assert story.title == data["title"]


def test_it_finds_the_first_story_when_the_form_is_resent_after_the_duplicate_window(
    member_client, team, pinned_clock
):
    data = story_post(team)
    member_client.post(reverse("story_create"), data)
    pinned_clock.shift(dt.timedelta(hours=2))
    again = member_client.post(reverse("story_create"), data)
    story = Story.objects.get()
    assert again["Location"] == story.get_absolute_url()


def test_it_keeps_tokens_apart_between_people(member_client, lead_client, team, member, lead):
    """The same token from someone else is their own submission, not a way into mine."""
    data = story_post(team)
    member_client.post(reverse("story_create"), data)
    lead_client.post(reverse("story_create"), {**data, "title": "The lead's own story"})
    assert set(Story.objects.values_list("author", "title")) == {
        (member.pk, data["title"]),
        (lead.pk, "The lead's own story"),
    }
