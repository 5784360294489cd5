"""The moderation panel on the story page: status, flags and history, or the flag form; and
the moderation queue's rows."""

from typing import Any

from django import template
from django.utils.safestring import SafeString

from stories.core.fragments import rendered_once
from stories.models import Story
from stories.moderation.rows import StoryRow, row_data
from stories.moderation.views import panel_context

register = template.Library()


@register.inclusion_tag("moderation/_panel.html", takes_context=True)
def story_moderation_panel(context: dict[str, Any], story: Story) -> dict[str, Any]:
    """What this viewer may see of the story's moderation (a template cannot pass the user itself)."""
    return panel_context(story, context["request"])


@register.simple_tag(takes_context=True)
def queue_row(context: dict[str, Any], row: StoryRow) -> SafeString:
    """The row, drawn once per app server for the same story, rights and notice: twenty-five
    rows with five forms each took the template engine most of the queue's time."""
    team = context.get("team")  # the queue's team filter; after a decision, the posted one
    data = row_data(row, team_slug=team.slug if team else context.get("team_slug", ""))
    return rendered_once(
        "moderation/_queue_row.html", data, lambda: {"row": data}, csrf_token=context.get("csrf_token")
    )
