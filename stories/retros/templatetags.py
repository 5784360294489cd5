from typing import Any

from django import template

from stories.models import Story
from stories.retros.export_text import md_block, md_inline

register = template.Library()


@register.simple_tag(takes_context=True)
def author_label(context: dict[str, Any], story: Story) -> str:
    """The story's author as the viewing user may see it ("Anonymous" where it must be)."""
    return story.author_label_for(context["request"].user)


# The Markdown export: whatever a person typed comes out as literal text, never as markup.
register.filter("md", md_inline)
register.filter("md_block", md_block)
