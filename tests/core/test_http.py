"""The access helpers every story and team view starts from (stories/core/http.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from stories.core import policy
from stories.core.http import (
    TeamAccess,
    _Answer,
    get_story_for_user,
    get_team_access,
    load_story,
    more_count,
    redirect_back,
    shown_count,
)
from stories.models import Status
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

LARGEST_ID = 9_223_372_036_854_775_807  # 2**63 - 1, written out


def test_it_loads_the_stories_with_the_first_and_the_largest_id(member):
    first = StoryFactory(pk=1, author=member)
    largest = StoryFactory(pk=LARGEST_ID, author=member)
    assert load_story(1, member) == first
    assert load_story(LARGEST_ID, member) == largest
    assert load_story(0, member) is None
    assert load_story(-1, member) is None
    assert load_story(LARGEST_ID + 1, member) is None


def test_it_refuses_id_zero_even_when_a_row_has_it(member):
    StoryFactory(pk=0, author=member)
    assert load_story(0, member) is None


def test_it_loads_the_story_with_its_team_and_author_in_one_query(member, django_assert_num_queries):
    story = StoryFactory(author=member)
    with django_assert_num_queries(1):
        loaded = load_story(story.pk, member)
        assert loaded is not None
        assert (loaded.team.name, loaded.author.username) == (story.team.name, "member")


def test_it_loads_a_withdrawn_story_for_its_author_alone(member, lead):
    story = StoryFactory(author=member, status=Status.WITHDRAWN)
    assert load_story(story.pk, member) == story
    assert load_story(story.pk, lead) is None
    assert load_story(story.pk, AnonymousUser()) is None


def _request(user, rules=(), **post):
    request = RequestFactory().post("/", post) if post else RequestFactory().get("/")
    request.user = user
    request.declared_rules = rules  # as @asks(*rules) sets it before the view runs
    return request


def test_it_gives_a_story_to_who_may_see_it_and_404_to_everyone_else(team, member, outsider):
    story = StoryFactory(team=team)
    assert get_story_for_user(_request(member), story.pk) == story
    with pytest.raises(Http404):
        get_story_for_user(_request(outsider), story.pk)
    with pytest.raises(Http404):
        get_story_for_user(_request(member), story.pk + 1)


def test_it_lets_leads_manage_members_refuses_members_and_hides_the_team_from_outsiders(
    team, lead, member, outsider
):
    manage = (policy.can_manage_members,)
    assert get_team_access(_request(lead, manage), team.slug).team == team
    with pytest.raises(PermissionDenied) as refused:
        get_team_access(_request(member, manage), team.slug)
    assert str(refused.value) == "can_manage_members says no."
    with pytest.raises(Http404):
        get_team_access(_request(outsider, manage), team.slug)


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/teams/front-desk/", "/teams/front-desk/"),
        ("http://testserver/stories/", "http://testserver/stories/"),
        ("https://evil.example/", "/fallback/"),
        ("//evil.example/", "/fallback/"),
        ("", "/fallback/"),
    ],
)
def test_it_redirects_back_only_to_a_page_of_ours(member, next_url, expected):
    response = redirect_back(_request(member, next=next_url), "/fallback/")
    assert response.status_code == 302
    assert response["Location"] == expected


def test_it_does_not_redirect_back_from_https_to_http(member):
    request = RequestFactory().post("/", {"next": "http://testserver/stories/"}, secure=True)
    request.user = member
    assert redirect_back(request, "/fallback/")["Location"] == "/fallback/"


def test_it_answers_a_team_access_question_with_the_rule_it_was_made_for(team, member, lead, moderator):
    """A TeamAccess answer made here, not at import: mutmut's children never import again."""
    about_the_team = _Answer(policy.can_close_retro)
    about_the_user = _Answer(policy.can_compare_teams)
    answers = {
        user.username: (
            about_the_team.__get__(TeamAccess(team=team, user=user), TeamAccess),
            about_the_user.__get__(TeamAccess(team=team, user=user), TeamAccess),
        )
        for user in (member, lead, moderator)
    }
    assert answers == {
        member.username: (False, False),
        lead.username: (True, False),
        moderator.username: (False, True),
    }
    assert about_the_team.__get__(None, TeamAccess) is about_the_team


def test_it_refuses_to_load_for_a_view_that_declares_no_rules(team, member):
    """A view without @asks(...) that loads a story or team is a mistake, not an open door."""
    story = StoryFactory(team=team, author=member)
    request = RequestFactory().get("/")
    request.user = member

    for load in (lambda: get_story_for_user(request, story.pk), lambda: get_team_access(request, team.slug)):
        with pytest.raises(ImproperlyConfigured) as refused:
            load()
        assert str(refused.value) == "A view loads a story or team without declaring @asks(...)."


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("", 25),  # nothing asked: the first step
        ("50", 50),
        ("25", 25),
        ("24", 25),  # never fewer than a step
        ("0", 25),
        ("100", 100),
        ("101", 100),  # never more than the most
        ("99999", 100),
        ("999999", 25),  # six digits and more: not a count anybody asked for
        ("-5", 25),
        ("5x", 25),
        ("٥٠", 25),  # Arabic-Indic digits are digits to str.isdigit(), not to a person's URL
    ],
)
def test_it_counts_the_rows_asked_for_within_bounds(typed, shown):
    request = RequestFactory().get("/", {"watching": typed})
    assert shown_count(request, "watching", 25, 100) == shown


def test_it_reads_the_count_from_its_own_parameter():
    request = RequestFactory().get("/", {"shown": "50", "watching": "75"})
    assert shown_count(request, "watching", 25, 100) == 75


@pytest.mark.parametrize(
    ("shown", "more", "next_count"),
    [
        (25, True, 50),
        (25, False, 0),  # nothing left to show
        (75, True, 100),
        (90, True, 100),  # the last step stops at the most
        (100, True, 0),  # the most is shown: no link to the same rows again
    ],
)
def test_it_offers_the_next_count_until_the_most(shown, more, next_count):
    assert more_count(shown, 25, 100, more) == next_count
