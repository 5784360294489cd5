"""Linking stories: earlier stories suggested while one is written, and a story's links on its page."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from django.db.models import Case, FloatField, IntegerField, Q, Value, When

from stories.log.models import StoryQuerySet, visible_condition
from stories.log.search import match
from stories.models import SequelLink, Story, Team

if TYPE_CHECKING:
    from stories.log.models import AnyUser

MAX_SUGGESTIONS = 5

_STOP_WORDS_TEXT = """about after again also back been before being came client could customer customers
    didn does doing done from gave give given going good have having here into just know like
    made make many more most much must need next only other over said same service some still
    such than that their them then there these they thing this those through very want wanted
    well went were what when where which while with would your"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
MAX_KEY_WORDS = 8


def key_words(*texts: str) -> list[str]:
    """The few most telling words of the texts: long, not common, first seen first."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in re.findall(r"[^\W\d_]{4,}", text.lower()):
            if word not in STOP_WORDS:
                seen.setdefault(word, None)
    # Longer words say more about a particular story; keep the order stable among equals.
    return sorted(seen, key=len, reverse=True)[:MAX_KEY_WORDS]


def suggest_originals(
    user: AnyUser,
    team: Team,
    *,
    client_nickname: str = "",
    text: str = "",
    title: str = "",
    happened_on: dt.date | None = None,
    exclude_ids: tuple[int, ...] = (),
    limit: int = MAX_SUGGESTIONS,
) -> list[Story]:
    """Earlier published stories of the team that may be the original of the one being written.

    Same client nickname (case-insensitive) first, then the best match for any of the key
    words, ranked by the story search (stories/log/search.py). One query.
    """
    # PostgreSQL refuses NUL bytes in text parameters; nobody types one in a nickname.
    nickname = client_nickname.replace("\x00", "").strip()
    words = key_words(title, text)
    if not nickname and not words:
        return []
    candidates = (
        Story.objects.visible_to(user)
        .published()
        .filter(team=team, happened_on__lte=happened_on or team.today())
    )
    if exclude_ids:
        candidates = candidates.exclude(pk__in=exclude_ids)
    same_client = (
        Case(
            When(client_nickname__iexact=nickname, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        if nickname
        else Value(0, output_field=IntegerField())
    )
    candidates = candidates.annotate(same_client=same_client)
    found = match(" ".join(words), [team.language], any_word=True) if words else None
    if found is not None:
        candidates = candidates.annotate(score=found.rank)
        matches = found.condition
    else:
        candidates = candidates.annotate(score=Value(0.0, output_field=FloatField()))
        matches = Q(pk__in=[])
    return list(
        candidates.filter(Q(same_client=1) | matches)
        .select_related("author")
        .order_by("-same_client", "-score", "-happened_on", "-pk")[:limit]
    )


# What the links show of the story at their other end, and its author's name: not a whole row
# (the search document alone is kilobytes).
END_FIELDS = [
    "title",
    "happened_on",
    "status",
    "anonymous",
    "team_id",
    "author_id",
    "author__first_name",
    "author__last_name",
    "author__username",
]


def story_links(story: Story, user: AnyUser) -> dict[str, list[SequelLink]]:
    """The stories this one follows and its sequels, as far as the user may see them.

    Starts from the story's own links (none, for most stories: one query), then reads the
    stories at their other ends, tested for the user alone. As one query joining both ends and
    their authors, PostgreSQL took ten times longer to plan it than to run it.
    """
    links = list(
        SequelLink.objects.filter(Q(sequel=story) | Q(original=story))
        .only("original_id", "sequel_id", "outcome", "created_at")
        .order_by("created_at", "pk")
    )
    if not links:
        return {"follows": [], "sequels": []}
    others = (
        Story.objects.filter(visible_condition(user), pk__in={_other_end(link, story) for link in links})
        .select_related("author")
        .only(*END_FIELDS)
        .in_bulk()
    )
    follows: list[SequelLink] = []
    sequels: list[SequelLink] = []
    for link in links:
        other = others.get(_other_end(link, story))
        if other is None:
            continue
        if link.sequel_id == story.pk:
            link.original, link.sequel = other, story
            follows.append(link)
        else:
            link.original, link.sequel = story, other
            sequels.append(link)
    return {"follows": follows, "sequels": sequels}


def _other_end(link: SequelLink, story: Story) -> int:
    return link.original_id if link.sequel_id == story.pk else link.sequel_id


def later_story_choices(story: Story, user: AnyUser) -> StoryQuerySet:
    """Stories the user may link as a sequel of `story`: same team, on or after it, not yet linked."""
    return (
        Story.objects.visible_to(user)
        .filter(team_id=story.team_id, happened_on__gte=story.happened_on)
        .exclude(pk=story.pk)
        .exclude(pk__in=SequelLink.objects.filter(original=story).values("sequel_id"))
        .order_by("-happened_on", "-pk")
    )
