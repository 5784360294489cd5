"""The moderation panel on the story page: status, flags and history, or the flag form."""

from typing import Any

from django import template

from stories.models import Story
from stories.moderation.views import panel_context

register = template.Library()


@register.inclusion_tag("moderation/_panel.html", takes_context=True)
def story_moderation_panel(context: dict[str, Any], story: Story) -> dict[str, Any]:
    """What this viewer may see of the story's moderation (a template cannot pass the user itself)."""
    return panel_context(story, context["request"])
