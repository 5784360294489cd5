"""Anonymity holds against inference: nothing a member reads changes with who wrote an anonymous story.

For any team-month, re-assigning the authors of its anonymous stories among the team's members
leaves every figure, page, fragment and export a member (or a moderator comparing teams) can
read byte-for-byte identical. Run it on PostgreSQL too:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/sr_<name> pytest tests/retros/test_anonymity_hypothesis.py
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.models import Channel, Kind, Perspective, Principle, Story, StoryPrinciple
from stories.retros.figures import month_figures
from tests.bodies import text_of
from tests.factories import MembershipFactory, TeamFactory, UserFactory

NOW = dt.datetime(2024, 6, 12, 9, 30, tzinfo=dt.UTC)
MONTH = dt.date(2024, 5, 1)
PRINCIPLES = ["empathy", "golden-rule", "make-it-right"]
WRITERS = 4
_numbers = itertools.count()

story_strategy = st.fixed_dictionaries(
    {
        "author": st.integers(0, WRITERS - 1),
        "anonymous": st.booleans(),
        "kind": st.sampled_from(Kind.values),
        "perspective": st.sampled_from(Perspective.values),
        "channel": st.sampled_from(Channel.values[:3]),
        # This month and the two before it: the quarter view and the trends read them too.
        "day": st.integers(-61, 30),
        "tags": st.dictionaries(
            st.sampled_from(PRINCIPLES), st.sampled_from(["honoured", "broken"]), min_size=1, max_size=2
        ),
    }
)

# Tokens that change with every response whoever wrote what.
_VOLATILE = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": "|nonce=")[^"]+')


def _pages(team_slug: str) -> dict[str, tuple[str, dict[str, str]]]:
    month = {"slug": team_slug, "month": MONTH}
    htmx = {"HTTP_HX_REQUEST": "true"}
    return {
        "retro": (reverse("retro_detail", kwargs=month), {}),
        "retro fragment": (reverse("retro_detail", kwargs=month), htmx),
        "markdown": (reverse("retro_markdown", kwargs=month), {}),
        "csv": (reverse("retro_csv", kwargs=month), {}),
        "quarter": (reverse("retro_quarter", kwargs=month), {}),
        "trends": (reverse("trends", kwargs={"slug": team_slug}) + "?months=3", {}),
        "retro list": (reverse("retro_list", kwargs={"slug": team_slug}), {}),
        "story list": (reverse("story_list") + "?month=2024-05", {}),
        "story list fragment": (reverse("story_list") + "?month=2024-05", htmx),
    }


def _read_everything(member: Client, moderator: Client, team_slug: str) -> dict[str, bytes]:
    read = {}
    for name, (url, headers) in _pages(team_slug).items():
        response = member.get(url, **headers)
        assert response.status_code == 200, name
        read[name] = _VOLATILE.sub(r"\1", text_of(response)).encode()
    across = moderator.get(reverse("retros_across_teams", kwargs={"month": MONTH}))
    read["across teams"] = _VOLATILE.sub(r"\1", across.content.decode()).encode()
    return read


def _make_team(stories: list[dict]) -> tuple[object, list[object], Client, Client]:
    number = next(_numbers)
    team = TeamFactory(slug=f"anonymity-{number}", name=f"Team {number}")
    writers = [UserFactory(username=f"w{number}-{index}") for index in range(WRITERS)]
    for writer in writers:
        MembershipFactory(user=writer, team=team)
    reader = UserFactory(username=f"reader-{number}")
    MembershipFactory(user=reader, team=team)
    moderator = UserFactory(username=f"moderator-{number}")
    moderator.user_permissions.add(Permission.objects.get(codename="moderate_story"))
    principles = {p.slug: p for p in Principle.objects.filter(slug__in=PRINCIPLES)}
    created = Story.objects.bulk_create(
        [
            Story(
                team=team,
                author=writers[spec["author"]],
                anonymous=spec["anonymous"],
                kind=spec["kind"],
                perspective=spec["perspective"],
                channel=spec["channel"],
                status="published",
                published_at=NOW,
                happened_on=MONTH + dt.timedelta(days=spec["day"]),
                title=f"Story {index}",
                what_happened="generated",
            )
            for index, spec in enumerate(stories)
        ]
    )
    StoryPrinciple.objects.bulk_create(
        [
            StoryPrinciple(story=story, principle=principles[slug], verdict=verdict)
            for story, spec in zip(created, stories, strict=True)
            for slug, verdict in spec["tags"].items()
        ]
    )
    member_client, moderator_client = Client(), Client()
    member_client.force_login(reader)
    moderator_client.force_login(moderator)
    return team, writers, member_client, moderator_client


@pytest.mark.django_db
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stories=st.lists(story_strategy, min_size=1, max_size=14), data=st.data())
def test_it_shows_members_the_same_bytes_whoever_wrote_the_anonymous_stories(stories, data):
    with time_machine.travel(NOW, tick=False):
        team, writers, member, moderator = _make_team(stories)
        before = _read_everything(member, moderator, team.slug)
        figures_before = month_figures(team, MONTH)

        anonymous = list(Story.objects.filter(team=team, anonymous=True).order_by("pk"))
        for story in anonymous:
            story.author = writers[
                data.draw(st.integers(0, WRITERS - 1), label=f"new author of {story.title}")
            ]
            story.save(update_fields=["author"])
        # Authors change behind the app's back (it never moves a story to another author): the
        # figures are counted again, not read from the cache the first reading filled.
        cache.clear()

        assert month_figures(team, MONTH) == figures_before
        after = _read_everything(member, moderator, team.slug)
        for name, content in before.items():
            assert after[name] == content, name
