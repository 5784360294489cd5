"""Searching stories, written once: the story list, the sequel type-ahead and the karma
suggestions all ask `match()` for a condition and a rank.

PostgreSQL: full-text search on Story.search_document, a stored tsvector kept current by
`refresh_search_documents` (one UPDATE) wherever what it covers changes: the story's own
text, its tags, a redaction, a principle's names, the team's language. It holds the title
(weight A), the lesson and client nickname (B), the names of the story's principles in every
catalogue language (B) and what happened (C), stemmed in the team's language; a query is
stemmed in the same language, so "Regenschirme" finds "Regenschirm" in a German team. The
GIN index story_search_document_idx (migration 0010) serves `search_document @@ query`.

SQLite (the embedded default): the words are looked for as substrings, ignoring case and
a plural "s", in the same fields and in the principles' names.
"""

from __future__ import annotations

import functools
import operator
import re
import string
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from stories.teams.models import SEARCH_CONFIGS

# What a person may type is bounded by the filter form; the type-ahead gets the same bound.
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# A bare word at the end of what is typed so far: matched as a prefix ("refu" finds "refund").
_LAST_WORD = re.compile(r"(?:^|\s)([^\W_]+)\s*$")
_ENDS_WITH_OR = re.compile(r"\s+or\s*$", re.IGNORECASE)
# The story's own fields the document holds, and the team whose language stems them.
DOCUMENT_FIELDS = frozenset({"title", "what_happened", "lesson", "client_nickname", "team", "team_id"})


def is_full_text() -> bool:
    return connection.vendor == "postgresql"


def search_config(language: str) -> str:
    return SEARCH_CONFIGS.get(language, "english")


def clean_query(text: str) -> str:
    # PostgreSQL refuses NUL bytes in text parameters; nobody types one on purpose.
    return (text or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


@dataclass(frozen=True)
class Match:
    """What a search asks of a story (`condition`) and how well a story answers it (`rank`)."""

    condition: Q
    rank: Any


def match(text: str, languages: Collection[str], *, any_word: bool = False) -> Match | None:
    """The condition and rank for `text` in stories of teams writing in `languages`.

    `any_word` finds stories holding any of the words (suggestions) instead of all of them.
    None when nothing searchable was typed.
    """
    text = clean_query(text)
    if not text:
        return None
    if any_word:
        text = " or ".join(_words(text))
        if not text:
            return None
    if is_full_text():
        return _full_text_match(text, sorted(set(languages)) or ["en"])
    return _fallback_match(text, any_word=any_word)


def ts_query(text: str, config: str) -> Any:
    """websearch syntax ("quoted phrase", -word, or) with the last bare word as a prefix."""
    from django.contrib.postgres.search import SearchQuery

    text = clean_query(text)
    last = _LAST_WORD.search(text)
    if last is None or last.group(1).lower() == "or" or text[: last.start(1)].count('"') % 2:
        return SearchQuery(text, search_type="websearch", config=config)
    # Letters and digits only: nothing in it is to_tsquery syntax but the ":*" we add.
    prefix = SearchQuery(f"{last.group(1)}:*", search_type="raw", config=config)
    head = text[: last.start(1)]
    if not head.strip():
        return prefix
    if _ENDS_WITH_OR.search(head):
        return SearchQuery(_ENDS_WITH_OR.sub("", head), search_type="websearch", config=config) | prefix
    return SearchQuery(head, search_type="websearch", config=config) & prefix


def _full_text_match(text: str, languages: list[str]) -> Match:
    from django.contrib.postgres.search import SearchRank

    queries = {language: ts_query(text, search_config(language)) for language in languages}
    if len(queries) == 1:
        (query,) = queries.values()
        return Match(Q(search_document=query), SearchRank(F("search_document"), query))
    # Teams in several languages: each story is matched and ranked in its own team's language.
    condition = functools.reduce(
        operator.or_,
        (Q(team__language=language, search_document=query) for language, query in queries.items()),
    )
    rank = Case(
        *(
            When(team__language=language, then=SearchRank(F("search_document"), query))
            for language, query in queries.items()
        ),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return Match(condition, rank)


# --- the SQLite fallback -----------------------------------------------------------------


def search_stem(word: str) -> str:
    """The word without a plural "s", so "Umbrellas" finds "umbrella" (icontains ignores case)."""
    if len(word) > 3 and word[-1] in "sS" and word[-2] not in "sS":
        return word[:-1]
    return word


def _words(text: str, *, negated: bool = False) -> list[str]:
    """The words typed, quotes and punctuation aside; those after a "-" only when `negated`."""
    found = []
    for token in text.replace('"', " ").split():
        word = token.lstrip("-").strip(string.punctuation)
        if word and word.lower() != "or" and (token.startswith("-") and len(token) > 1) == negated:
            found.append(word)
    return found[:MAX_WORDS]


def fallback_stems(text: str) -> list[str]:
    return [search_stem(word) for word in _words(clean_query(text))]


def _holds(stem: str) -> Q:
    from stories.models import StoryPrinciple

    named = Q(principle__name__icontains=stem)
    for code, _name in settings.LANGUAGES:
        named |= Q(**{f"principle__translations__{code}__name__icontains": stem})
    tagged = StoryPrinciple.objects.filter(named, story=OuterRef("pk"))
    return (
        Q(title__icontains=stem)
        | Q(what_happened__icontains=stem)
        | Q(lesson__icontains=stem)
        | Q(client_nickname__icontains=stem)
        | Q(Exists(tagged))
    )


def _fallback_match(text: str, *, any_word: bool) -> Match | None:
    stems = fallback_stems(text)
    excluded = [search_stem(word) for word in _words(text, negated=True)]
    if not stems:
        return None
    condition = functools.reduce(
        operator.or_ if any_word else operator.and_, (_holds(stem) for stem in stems)
    )
    for stem in excluded:
        condition &= ~_holds(stem)
    # The full-text weights, roughly: a word in the title counts more than one in the text.
    rank: Any = Value(0.0)
    for stem in stems:
        rank += Case(When(title__icontains=stem, then=Value(1.0)), default=Value(0.0))
        rank += Case(
            When(Q(lesson__icontains=stem) | Q(client_nickname__icontains=stem), then=Value(0.4)),
            default=Value(0.0),
        )
        rank += Case(When(what_happened__icontains=stem, then=Value(0.2)), default=Value(0.0))
    return Match(condition, ExpressionWrapper(rank, output_field=FloatField()))


# --- keeping the stored document current ---------------------------------------------------


def refresh_search_documents(stories: QuerySet[Any]) -> int:
    """Recompute search_document for `stories` in one UPDATE; the number of rows (0 on SQLite).

    Takes the model from the queryset and names only tables and columns, so the data
    migration can call it with its historical model.
    """
    if not is_full_text():
        return 0
    model = stories.model
    story = model._meta.db_table
    team = model._meta.get_field("team").related_model._meta.db_table
    tag_model = model._meta.get_field("tags").related_model
    tag = tag_model._meta.db_table
    principle = tag_model._meta.get_field("principle").related_model._meta.db_table
    others = [code for code, _name in settings.LANGUAGES]
    translated = "".join(", principle.translations -> %s ->> 'name'" for _code in others)
    configs = " ".join("WHEN %s THEN %s" for _language in SEARCH_CONFIGS)
    chosen, chosen_params = stories.order_by().values("pk").query.sql_with_params()
    sql = f"""
        UPDATE {story} AS story SET search_document =
            setweight(to_tsvector(team.config, story.title), 'A')
            || setweight(to_tsvector(team.config, concat_ws(' ', story.lesson, story.client_nickname)), 'B')
            || setweight(to_tsvector(team.config, coalesce((
                SELECT string_agg(concat_ws(' ', principle.name{translated}), ' ')
                FROM {tag} AS tag JOIN {principle} AS principle ON principle.id = tag.principle_id
                WHERE tag.story_id = story.id
            ), '')), 'B')
            || setweight(to_tsvector(team.config, story.what_happened), 'C')
        FROM (
            SELECT id, (CASE language {configs} ELSE 'english' END)::regconfig AS config FROM {team}
        ) AS team
        WHERE team.id = story.team_id AND story.id IN ({chosen})
    """  # noqa: S608 - table names from the models, values as parameters
    params = [*others, *(value for pair in SEARCH_CONFIGS.items() for value in pair), *chosen_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount
