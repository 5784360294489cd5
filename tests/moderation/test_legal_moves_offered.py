"""The queue's buttons and the admin's actions come from the one table, LEGAL_MOVES."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories.models import ModerationAction, Status, Story
from stories.moderation import moves
from stories.moderation.rows import ROW_ACTIONS, build_row
from tests.moderation.conftest import CARD

CHANGELIST = "admin:stories_story_changelist"


def _row(story, viewer, **kwargs):
    return build_row(Story.objects.with_moderation_details().get(pk=story.pk), viewer, **kwargs)


@pytest.mark.parametrize("status", [Status.PENDING, Status.PUBLISHED, Status.HIDDEN, Status.REJECTED])
def test_it_offers_on_the_story_page_exactly_the_legal_moves(status, make_story, moderator):
    story = make_story(status, what_happened=f"She read out {CARD}.")
    legal = {str(action) for action in ROW_ACTIONS if moves.is_legal(action, status)}
    assert _row(story, moderator, every_move=True).actions == legal


def test_it_follows_the_table_when_the_table_changes(monkeypatch, make_story, moderator):
    story = make_story(Status.PUBLISHED)
    assert ModerationAction.HIDE in _row(story, moderator, every_move=True).actions
    monkeypatch.setitem(moves.LEGAL_MOVES, ModerationAction.HIDE, frozenset())
    assert ModerationAction.HIDE not in _row(story, moderator, every_move=True).actions


def test_it_offers_no_redaction_when_nothing_is_found(make_story, moderator):
    story = make_story(Status.PENDING, what_happened="She waited an hour.")
    assert _row(story, moderator).actions == {"approve", "reject"}


def test_it_offers_in_the_admin_only_the_moves_legal_from_the_filtered_status(superuser_client, pending):
    response = superuser_client.get(reverse(CHANGELIST), {"status__exact": Status.HIDDEN})
    offered = {name for name, _label in response.context["action_form"].fields["action"].choices if name}
    assert offered == {"restore", "redact"}
    unfiltered = superuser_client.get(reverse(CHANGELIST))
    everything = {name for name, _label in unfiltered.context["action_form"].fields["action"].choices if name}
    assert everything == {"approve", "reject", "hide", "restore", "redact"}


def test_it_reports_an_illegal_admin_move_without_calling_the_model(superuser_client, published, monkeypatch):
    called = []
    monkeypatch.setattr(Story, "approve", lambda self, by: called.append(self))
    response = superuser_client.post(
        reverse(CHANGELIST),
        {"action": "approve", "_selected_action": [published.pk], "index": 0},
        follow=True,
    )
    assert called == []
    assert "Cannot approve a story that is published." in response.content.decode()


@pytest.mark.parametrize(
    "action", [ModerationAction.SUBMIT, ModerationAction.HOLD, ModerationAction.DISMISS_FLAGS, "no-such-move"]
)
def test_it_finds_no_legal_start_for_a_move_the_table_does_not_list(action):
    assert [status for status in Status if moves.is_legal(action, status)] == []
