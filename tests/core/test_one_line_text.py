"""Titles, names, nicknames and reasons stay on one line, whichever way they arrive."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from stories.core.text import one_line
from stories.models import Story, Team
from tests.factories import StoryFactory
from tests.log.story_forms import story_post

repair = importlib.import_module("stories.migrations.0004_story_date_floor_one_line_fields")

INJECTION = "Refund\r\nBcc: the whole desk"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Refund\r\nBcc: x", "Refund Bcc: x"),
        ("tab\there", "tab here"),
        ("nul\x00byte", "nul byte"),
        ("line\u2028separator", "line separator"),
        ("del\x7fete \x85next", "del ete next"),
        ("  plain  words ", "plain words"),
    ],
)
def test_it_puts_text_on_one_line(typed, kept):
    assert one_line(typed) == kept


def test_it_strips_line_breaks_from_what_the_story_form_saves(member_client, team):
    member_client.post(
        "/stories/new/",
        story_post(
            team, title=INJECTION, client_nickname="the\nred-scarf lady", went_beyond="on", cost_note="a\rb"
        ),
    )

    story = Story.objects.get()
    assert story.title == "Refund Bcc: the whole desk"
    assert story.client_nickname == "the red-scarf lady"
    assert story.cost_note == "a b"


def test_it_refuses_control_characters_that_reach_the_model_another_way(team, member):
    story = StoryFactory.build(team=team, author=member, title=INJECTION)
    with pytest.raises(ValidationError, match="one line"):
        story.full_clean()
    team.name = "Front\nDesk"
    with pytest.raises(ValidationError, match="one line"):
        team.full_clean()


def test_it_strips_line_breaks_from_a_moderators_reason(lead_client, team, member):
    story = StoryFactory(team=team, author=member, status="pending")

    lead_client.post(f"/moderation/{story.pk}/reject/", {"reason": "Too vague\r\nplease add detail"})

    story.refresh_from_db()
    assert story.status_reason == "Too vague please add detail"


def test_it_repairs_control_characters_already_stored(team, member):
    story = StoryFactory(team=team, author=member, title=INJECTION)
    Team.objects.filter(pk=team.pk).update(name="Front\r\nDesk")

    repair.repair_one_line_fields(apps, None)

    story.refresh_from_db()
    team.refresh_from_db()
    assert story.title == "Refund Bcc: the whole desk"
    assert team.name == "Front Desk"
