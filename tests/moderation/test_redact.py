"""A moderator's redaction: the text is cleaned everywhere, nothing removed is kept, the log says what kind."""

from __future__ import annotations

import pytest

from stories.models import (
    Flag,
    FlagReason,
    IllegalTransition,
    ModerationAction,
    ModerationEvent,
    Status,
    Story,
)
from tests.moderation.conftest import CARD, EMAIL

PHONE = "07700 900123"


@pytest.fixture
def leaky(make_story):
    return make_story(
        Status.PENDING,
        title=f"Mail {EMAIL}",
        what_happened=f"She read out {CARD} and asked us to call {PHONE}.",
        lesson="Never write a card number down.",
        went_beyond=True,
        cost_note=f"Called {PHONE} twice",
        client_nickname=EMAIL,
        status_reason="personal data",
    )


def _everything_stored_about(story: Story) -> str:
    """Every text the database holds for this story, its flags and its history."""
    row = Story.objects.filter(pk=story.pk).values().get()
    flags = list(Flag.objects.filter(story=story).values_list("comment", flat=True))
    reasons = list(ModerationEvent.objects.filter(story=story).values_list("reason", flat=True))
    return " ".join(str(value) for value in [*row.values(), *flags, *reasons])


@pytest.mark.parametrize("status", [Status.PENDING, Status.PUBLISHED, Status.REJECTED, Status.HIDDEN])
def test_it_redacts_every_free_text_field_in_any_status_but_withdrawn(status, make_story, lead):
    story = make_story(
        status,
        title=f"Mail {EMAIL}",
        what_happened=f"Card {CARD}.",
        lesson=f"Call {PHONE}",
        cost_note=f"IBAN GB82 WEST 1234 5698 7654 32 {EMAIL}",
        client_nickname=f"{PHONE}",
        went_beyond=True,
    )
    event = story.redact(by=lead)
    story.refresh_from_db()
    assert (story.title, story.what_happened, story.lesson, story.cost_note, story.client_nickname) == (
        "Mail [email]",
        "Card [card].",
        "Call [phone]",
        "IBAN [iban] [email]",
        "[phone]",
    )
    assert story.status == status
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        ModerationAction.REDACT,
        status,
        status,
        lead,
    )
    assert event.reason == "Removed personal data: card, email, iban, phone."


def test_it_keeps_no_copy_of_what_was_removed(leaky, colleague, lead, moderator):
    published = leaky
    published.approve(by=moderator)  # only a moderator publishes it as it stands
    published.flag(by=colleague, reason=FlagReason.PERSONAL_DATA, comment=f"It shows {CARD} and {EMAIL}")
    published.redact(by=lead)

    stored = _everything_stored_about(published)
    for secret in (CARD, EMAIL, PHONE, "4111111111111111", "jo.bloggs"):
        assert secret not in stored
    assert "[card]" in Flag.objects.get().comment


def test_it_names_the_kinds_never_the_values_in_the_event(leaky, lead):
    event = leaky.redact(by=lead)
    assert EMAIL not in event.reason
    assert CARD not in event.reason
    assert set(event.reason.removeprefix("Removed personal data: ").rstrip(".").split(", ")) == {
        "card",
        "email",
        "phone",
    }


def test_it_clears_the_personal_data_hold_reason_once_redacted(leaky, lead):
    leaky.redact(by=lead)
    leaky.refresh_from_db()
    assert leaky.status == Status.PENDING
    assert leaky.status_reason == ""


def test_it_refuses_to_redact_a_withdrawn_story(make_story, lead):
    story = make_story(Status.WITHDRAWN, what_happened=f"Card {CARD}")
    with pytest.raises(IllegalTransition, match="Cannot redact a story that is withdrawn"):
        story.redact(by=lead)
    story.refresh_from_db()
    assert CARD in story.what_happened
    assert not story.events.exists()


def test_it_refuses_to_redact_when_there_is_nothing_to_remove(pending, lead):
    with pytest.raises(IllegalTransition, match="no personal data"):
        pending.redact(by=lead)
    assert not pending.events.exists()


def test_it_tells_a_moderator_whose_copy_is_stale_that_it_was_already_decided(leaky, lead, moderator):
    theirs = Story.objects.get(pk=leaky.pk)
    leaky.approve(by=moderator)
    with pytest.raises(IllegalTransition, match="already decided"):
        theirs.redact(by=lead)
    leaky.refresh_from_db()
    assert CARD in leaky.what_happened


def test_it_keeps_a_title_within_its_length_after_redaction(make_story, lead):
    title = "x" * 113 + " a@b.co"  # 120 characters; "[email]" is one longer than "a@b.co"
    story = make_story(Status.PENDING, title=title)
    story.redact(by=lead)
    story.refresh_from_db()
    assert len(story.title) == 120


def test_it_resolves_flags_on_a_published_story_but_keeps_a_hidden_one_in_the_queue(
    make_story, colleague, lead
):
    shown = make_story(Status.PUBLISHED, what_happened=f"Card {CARD}")
    shown.flag(by=colleague, reason=FlagReason.OTHER)
    shown.redact(by=lead)
    assert not shown.flags.filter(resolved_at__isnull=True).exists()

    hidden = make_story(Status.PUBLISHED, what_happened=f"Card {CARD}")
    hidden.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)
    hidden.redact(by=lead)
    # Still hidden, still waiting: the moderator now restores it or dismisses the flags.
    assert Story.objects.get(pk=hidden.pk).status == Status.HIDDEN
    assert list(Story.objects.awaiting_moderation_for(lead)) == [hidden]


def test_it_tells_moderators_which_kinds_remain(leaky):
    assert leaky.personal_data_kinds == {"card", "email", "phone"}


def test_it_redacts_by_the_team_country_everywhere_and_on_the_story_in_hand(
    make_story, team, colleague, lead, moderator
):
    """612 345 678 is a phone number only in Spain: the story, its flags and its history are
    read with the team's country, and the story in hand holds the redacted text too."""
    team.country = "ES"
    team.save()
    story = make_story(Status.PUBLISHED, what_happened="Ring her on 612 345 678.", lesson="Ask first.")
    story.flag(by=colleague, reason=FlagReason.PERSONAL_DATA, comment="It shows 612 345 678")
    ModerationEvent.objects.filter(story=story).update(reason="Her number is 612 345 678")

    event = story.redact(by=moderator)

    assert (story.what_happened, story.lesson) == ("Ring her on [phone].", "Ask first.")
    stored = Story.objects.values("what_happened", "lesson").get(pk=story.pk)
    assert stored == {"what_happened": "Ring her on [phone].", "lesson": "Ask first."}
    assert Flag.objects.get(story=story).comment == "It shows [phone]"
    assert set(ModerationEvent.objects.filter(story=story).values_list("reason", flat=True)) == {
        "Her number is [phone]",
        "Removed personal data: phone.",
    }
    assert event.reason == "Removed personal data: phone."
