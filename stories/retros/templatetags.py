from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.safestring import SafeString

from stories.core.fragments import rendered_once
from stories.core.months import month_slug
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


@register.simple_tag(takes_context=True)
def story_inplace(context: dict[str, Any], story: Story, open: bool = False) -> SafeString:
    """A story that opens in place (its text, lesson and tags), drawn once per app server for
    the same words and view of the author."""
    data = inplace_data(story, context["request"].user, open=open)
    return rendered_once("retros/_story_inplace.html", data, lambda: {"story": data})


@register.simple_tag(takes_context=True)
def candidate_row(context: dict[str, Any], story: Story) -> SafeString:
    """A voting candidate's row, drawn once per app server for the same story, votes and
    voter: the retro lists twenty-five of them, each with its story in place and a vote form."""
    viewer = context["request"].user
    data = {
        "story": inplace_data(story, viewer),
        "votes": story.votes,  # type: ignore[attr-defined]
        "mine": story.mine,  # type: ignore[attr-defined]
        "can_vote": context["can_vote"],
        "may_vote_more": bool(context["votes_left"]),
        "team": context["team"].slug,
        "month": month_slug(context["month"]),
    }
    return rendered_once(
        "retros/_candidate_row.html", data, lambda: data, csrf_token=context.get("csrf_token")
    )


def inplace_data(story: Story, viewer: Any, *, open: bool = False) -> dict[str, Any]:
    """Everything a story opened in place shows (retros/_story_inplace.html), as plain values."""
    return {
        "pk": story.pk,
        "title": story.title,
        "author": story.author_label_for(viewer),
        "happened": date_format(story.happened_on, "MONTH_DAY_FORMAT"),
        "channel": story.get_channel_display(),
        "kind": story.get_kind_display(),
        "what_happened": story.what_happened,
        "lesson": story.lesson,
        "tags": [tag.chip() for tag in story.tags.all()],
        "open": open,
    }
