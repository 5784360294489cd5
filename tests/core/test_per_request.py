"""Answers kept on the request's user object: asked once per request, asked again by the next."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from stories.core.per_request import kept_on_user
from stories.core.policy import is_moderator
from stories.teams.models import teams_of
from tests.factories import MembershipFactory, TeamFactory

pytestmark = pytest.mark.django_db


def test_it_computes_once_per_user_object_even_a_false_answer(member):
    asked = []

    def compute():
        asked.append(1)
        return False

    assert kept_on_user(member, "_test_answer", compute) is False
    assert kept_on_user(member, "_test_answer", compute) is False
    assert len(asked) == 1


def test_it_asks_again_for_the_next_requests_user(member, team, django_assert_num_queries):
    assert [t.pk for t in teams_of(member)] == [team.pk]
    with django_assert_num_queries(0):
        teams_of(member)
    other = TeamFactory(name="Night desk")
    MembershipFactory(user=member, team=other)
    next_request_user = get_user_model().objects.get(pk=member.pk)
    assert {t.pk for t in teams_of(next_request_user)} == {team.pk, other.pk}


def test_it_sees_a_new_moderator_from_the_next_request_on(member):
    assert not is_moderator(member)
    member.user_permissions.add(Permission.objects.get(codename="moderate_story"))
    assert is_moderator(get_user_model().objects.get(pk=member.pk))
