"""Karma on the story page: what `karma/_story_links.html` needs, in a few bounded queries."""

from __future__ import annotations

from typing import Any

from django import template

from stories.karma.forms import LinkSequelForm
from stories.karma.links import story_links
from stories.karma.models import can_close_karma, is_watched
from stories.models import Status, Story

register = template.Library()


@register.simple_tag(takes_context=True)
def story_karma(context: dict[str, Any], story: Story) -> dict[str, Any]:
    """Links, sequels and the actions this viewer may take on the story's karma."""
    user = context["request"].user
    links = story_links(story, user)
    published = story.status == Status.PUBLISHED
    has_published_sequel = any(link.sequel.status == Status.PUBLISHED for link in links["sequels"])
    may_close = published and not has_published_sequel and can_close_karma(story, user) and is_watched(story)
    # Sequels are written in the story's team: a moderator reading from outside it only reads.
    can_add_sequel = published and (user.is_superuser or story.team.role_of(user) is not None)
    return {
        **links,
        "can_add_sequel": can_add_sequel,
        "link_form": LinkSequelForm(original=story, user=user) if can_add_sequel else None,
        "can_close": may_close and story.karma_closed_at is None,
        "can_reopen": may_close and story.karma_closed_at is not None,
        # Without links, a "nothing came of it" mark or an action, the page shows no karma heading.
        "has_content": bool(links["follows"] or links["sequels"] or story.karma_closed_at or can_add_sequel),
    }
