"""The story list when something is searched: best match first, the matched words marked.

What is ranked: the COUNT_CAP (1,000) newest matches, found part by part like the stream
(one range per team, stream.stream_parts), each part on whichever index suits the words: the
GIN index for a rare word, the stream index read newest first for a word in most stories.
Ranking every match would cost what the team's size costs ("refund" is in most stories of
the benchmark); this way a search costs at most 1,000 ranked rows at any size, and the list
already counts "more than 1,000" there.

Ranked pages are offset pages, `?page=N` up to MAX_OFFSET_PAGE, never a keyset cursor: a rank
is a float computed afresh by each query, so a cursor on (rank, id) would compare floats
across requests, and the offset is at most 180 of those 1,000 rows. Nobody reads a search two
hundred results deep: they type one more word.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, TypedDict

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Replace
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from stories.core.figure_cache import teams_stories_figure
from stories.log.models import visible_condition
from stories.log.search import Match, fallback_stems, is_full_text, match, search_config, ts_query
from stories.log.stream import (
    COUNT_CAP,
    MAX_OFFSET_PAGE,
    PER_PAGE,
    Key,
    StreamPage,
    listed_team_ids,
    parse_page_number,
    stream_parts,
)
from stories.models import Story, Team
from stories.teams.models import teams_of

if TYPE_CHECKING:
    from stories.log.models import AnyUser, StoryQuerySet

# Where the database marks a matched word; taken out of the text first, so that only the
# database's marks are ever turned into <mark> (Unicode private-use characters).
START, STOP = "\ue000", "\ue001"
EXCERPT_CHARS = 260


def search_languages(user: AnyUser, team: Team | None) -> list[str]:
    """The languages of the teams searched: the one filtered on, or all of the person's."""
    if team is not None:
        return [team.language]
    return sorted({team.language for team in teams_of(user)})


def search_page(
    user: AnyUser, stories: StoryQuerySet, text: str, *, languages: Collection[str], page: str | None
) -> StreamPage:
    number = min(parse_page_number(page), MAX_OFFSET_PAGE)
    skip = (number - 1) * PER_PAGE
    found = match(text, languages)
    if found is None or not user.is_authenticated:
        return StreamPage(stories=[], number=number, count=0, count_capped=False)
    ranked = _ranked(user, stories, found, f"{text}\n{sorted(languages)}")
    ids = ranked["ids"][skip : skip + PER_PAGE + 1]
    # Only what the person may list now, should a story have changed since the ranking was kept.
    by_pk = Story.objects.filter(visible_condition(user), pk__in=ids[:PER_PAGE]).with_related().in_bulk()
    shown = [by_pk[pk] for pk in ids[:PER_PAGE] if pk in by_pk]
    mark_matches(shown, text)
    return StreamPage(
        stories=shown,
        number=number,
        count=min(ranked["found"], COUNT_CAP),
        count_capped=ranked["found"] > COUNT_CAP,
        has_next=len(ids) > PER_PAGE and number < MAX_OFFSET_PAGE,
    )


# A ranking is kept for a person and the words and filters they searched, until a story of
# their teams changes: the next page, or the way back, reads no match again. Ten minutes at
# most, as their own unpublished stories may sit in a team they have since left.
RANKING_SECONDS = 10 * 60


class Ranking(TypedDict):
    ids: list[int]  # the COUNT_CAP newest matches, best first
    found: int  # how many matches, counted to COUNT_CAP + 1


def _ranked(user: AnyUser, stories: StoryQuerySet, found: Match, searched: str) -> Ranking:
    """`searched`: the words and the languages they were stemmed in."""
    team_ids = listed_team_ids(user)

    def rank() -> Ranking:
        parts = stream_parts(user, stories.filter(found.condition), team_ids)
        newest = list(
            itertools.islice(heapq.merge(*(_newest(part) for part in parts), reverse=True), COUNT_CAP + 1)
        )
        ranked = (
            Story.objects.filter(pk__in=[key[-1] for key in newest[:COUNT_CAP]])
            .annotate(search_rank=found.rank)
            .order_by("-search_rank", "-happened_on", "-created_at", "-pk")
        )
        return {"ids": list(ranked.values_list("pk", flat=True)), "found": len(newest)}

    if team_ids is None:
        return rank()  # a superuser lists every team: no few counters cover that
    # The filters as the query says them: the same search is the same SQL.
    digest = hashlib.sha256(f"{searched}\n{team_ids}\n{stories.query}".encode()).hexdigest()
    return teams_stories_figure(team_ids, "search", user.pk, digest, compute=rank, timeout=RANKING_SECONDS)


def _newest(part: QuerySet[Story]) -> list[Key]:
    rows = part.order_by("-happened_on", "-created_at", "-pk").values_list("happened_on", "created_at", "pk")
    return list(rows[: COUNT_CAP + 1])


def mark_matches(stories: list[Story], text: str) -> None:
    """Sets `marked_title` and `marked_text` (an excerpt) on each story, matched words in <mark>."""
    if not stories:
        return
    if is_full_text():
        _mark_in_database(stories, text)
        return
    pattern = _stems_pattern(fallback_stems(text))
    for story in stories:
        story.marked_title = _marked(_with_marks(story.title, pattern))
        excerpt = Truncator(story.what_happened).chars(EXCERPT_CHARS)
        story.marked_text = _marked(_with_marks(excerpt, pattern))


def _mark_in_database(stories: list[Story], text: str) -> None:
    from django.contrib.postgres.search import SearchHeadline

    by_language: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        by_language[story.team.language].append(story)
    for language, group in by_language.items():
        config = search_config(language)
        query = ts_query(text, config)
        rows = Story.objects.filter(pk__in=[story.pk for story in group]).values_list(
            "pk",
            SearchHeadline(
                _unmarked("title"), query, config=config, highlight_all=True, start_sel=START, stop_sel=STOP
            ),
            SearchHeadline(
                _unmarked("what_happened"),
                query,
                config=config,
                max_words=40,
                min_words=20,
                start_sel=START,
                stop_sel=STOP,
            ),
        )
        headlines = {pk: (title, excerpt) for pk, title, excerpt in rows}
        for story in group:
            title, excerpt = headlines.get(story.pk, (story.title, ""))
            story.marked_title = _marked(title)
            story.marked_text = _marked(_ellipsis(excerpt, story.what_happened))


def _unmarked(field: str) -> Replace:
    return Replace(Replace(F(field), Value(START), Value("")), Value(STOP), Value(""))


def _ellipsis(excerpt: str, whole: str) -> str:
    """An excerpt from the middle of the text says so at the end it was cut."""
    plain = excerpt.replace(START, "").replace(STOP, "")
    before = "" if whole.startswith(plain) else "… "
    after = "" if whole.endswith(plain) else " …"
    return f"{before}{excerpt}{after}"


def _stems_pattern(stems: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({stem for stem in stems if stem}, key=len, reverse=True)
    # The whole word a stem was found in: "umbrella" marks all of "umbrellas".
    return re.compile("|".join(rf"{re.escape(word)}\w*" for word in words), re.IGNORECASE) if words else None


def _with_marks(text: str, pattern: re.Pattern[str] | None) -> str:
    text = text.replace(START, "").replace(STOP, "")
    return pattern.sub(lambda found: f"{START}{found.group(0)}{STOP}", text) if pattern else text


def _marked(text: str) -> SafeString:
    """The text escaped, and only then the marked runs wrapped in <mark>."""
    parts: list[str] = []
    inside = False
    for piece in re.split(f"([{START}{STOP}])", text):
        if piece == START:
            inside = True
        elif piece == STOP:
            inside = False
        elif piece:
            parts.append(format_html("<mark>{}</mark>", piece) if inside else escape(piece))
    return mark_safe("".join(parts))  # noqa: S308 - every part was escaped just above
