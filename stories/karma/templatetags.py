"""Karma on the story page: what `karma/_story_links.html` needs, in a few bounded queries."""

from __future__ import annotations

from typing import Any

from django import template

from stories.core import policy
from stories.karma.links import later_story_choices, story_links
from stories.karma.models import is_watched
from stories.models import Status, Story

register = template.Library()


@register.simple_tag(takes_context=True)
def story_karma(context: dict[str, Any], story: Story) -> dict[str, Any]:
    """Links, sequels and the actions this viewer may take on the story's karma."""
    user = context["request"].user
    links = story_links(story, user)
    published = story.status == Status.PUBLISHED
    has_published_sequel = any(link.sequel.status == Status.PUBLISHED for link in links["sequels"])
    may_close = (
        published and not has_published_sequel and policy.can_close_karma(user, story) and is_watched(story)
    )
    can_add_sequel = policy.can_add_sequel(user, story)
    return {
        **links,
        "can_add_sequel": can_add_sequel,
        # The link to "link an existing later story" only where there is one to link.
        "has_later_stories": can_add_sequel and later_story_choices(story, user).exists(),
        "can_close": may_close and story.karma_closed_at is None,
        "can_reopen": may_close and story.karma_closed_at is not None,
        # Without links, a "nothing came of it" mark or an action, the page shows no karma heading.
        "has_content": bool(links["follows"] or links["sequels"] or story.karma_closed_at or can_add_sequel),
    }
