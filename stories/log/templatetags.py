"""The story card: the row every list of stories shows (the story list, the dashboard)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from stories.core.fragments import rendered_once, shown_day
from stories.log.terms import Kind, Status
from stories.models import Story

if TYPE_CHECKING:
    from stories.log.models import AnyUser

register = template.Library()


@register.simple_tag(takes_context=True)
def story_card(context: dict[str, Any], story: Story) -> SafeString:
    """The card, rendered once per app server for the same words, labels, tags and view of
    the author: twenty cards drawn by the template engine took half of the story list's time."""
    card = card_data(story, context["request"].user)
    return rendered_once("stories/_story_card.html", card, lambda: {"card": _with_marks(card)})


def card_data(story: Story, viewer: AnyUser) -> dict[str, Any]:
    """Everything the card shows, as plain values: the card is kept under them."""
    return {
        "pk": story.pk,
        "good": story.kind == Kind.GOOD,
        "kind": story.get_kind_display(),
        "perspective": story.get_perspective_display(),
        # Only a story not (yet) published says where it stands.
        "status": "" if story.status == Status.PUBLISHED else story.get_status_display(),
        "went_beyond": story.went_beyond,
        "title": story.title,
        "what_happened": story.what_happened,
        # Search results: the matched words in <mark>, already escaped (log/search_results.py).
        "marked_title": story.marked_title,
        "marked_text": story.marked_text,
        "author": story.author_label_for(viewer),
        "team": story.team.name,
        "happened": shown_day(story.happened_on),
        "channel": story.get_channel_display(),
        "tags": [tag.chip() for tag in story.tags.all()],
    }


def _with_marks(card: dict[str, Any]) -> dict[str, Any]:
    """The search's marks, escaped when they were made, as HTML; everything else is escaped."""
    marked = {name: mark_safe(card[name]) for name in ("marked_title", "marked_text") if card[name]}  # noqa: S308
    return {**card, **marked}


@register.simple_tag
def blank_story_fields(form: Any, blank: dict[str, Any]) -> SafeString:
    """A new story's fields before anything is typed, drawn once per app server for the same
    teams, first day and catalogue: Django's and crispy's field templates took half the page."""
    return rendered_once("stories/story_form.html#fields", blank, lambda: {"form": form})
