"""The access policy's predicates, one truth table per rule, written out by hand.

The URL walk (test_every_url_permissions) checks that views obey the policy; it asks the policy
for the expected answer, so a wrong rule would pass it. Here every answer is stated for every
kind of person: the team's member, the story's author (a member), its lead, an outsider, another
team's lead, a moderator, staff, a superuser and an anonymous visitor.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from stories.core import policy
from stories.models import Status
from tests.factories import MembershipFactory, StoryFactory, UserFactory

EVERYONE = frozenset(
    {"anonymous", "outsider", "member", "author", "lead", "other_lead", "moderator", "staff", "superuser"}
)


@pytest.fixture
def people(team: Any, member: Any, lead: Any, outsider: Any, other_lead: Any, moderator: Any, superuser: Any):
    author = UserFactory(username="author")
    MembershipFactory(user=author, team=team)
    return {
        "anonymous": AnonymousUser(),
        "outsider": outsider,
        "member": member,
        "author": author,
        "lead": lead,
        "other_lead": other_lead,
        "moderator": moderator,
        "staff": UserFactory(username="staff", is_staff=True),
        "superuser": superuser,
    }


def _who(people: dict[str, Any], rule: Any, *things: Any) -> set[str]:
    return {role for role, user in people.items() if rule(user, *things)}


TEAM_RULES = [
    (policy.is_team_member, {"member", "author", "lead"}),
    (policy.is_team_lead, {"lead", "superuser"}),
    (policy.can_read_team, {"member", "author", "lead", "moderator", "superuser"}),
    (policy.can_take_part_in_retro, {"member", "author", "lead"}),
    (policy.can_edit_retro_notes, {"member", "author", "lead", "superuser"}),
    (policy.can_run_retro_meeting, {"lead", "superuser"}),
    (policy.can_close_retro, {"lead", "superuser"}),
    (policy.can_moderate_team, {"lead", "moderator", "superuser"}),
    (policy.can_manage_members, {"lead", "moderator", "superuser"}),
    (policy.can_change_team_settings, {"lead", "superuser"}),
]


@pytest.mark.parametrize(("rule", "allowed"), TEAM_RULES, ids=[rule.__name__ for rule, _ in TEAM_RULES])
def test_it_answers_each_team_rule_for_each_person(people, team, rule, allowed):
    assert _who(people, rule, team) == allowed


PERSON_RULES = [
    (policy.is_moderator, {"moderator", "superuser"}),
    (policy.can_compare_teams, {"moderator", "superuser"}),
    (policy.can_publish_personal_data, {"moderator", "superuser"}),
    (policy.sees_author_names, {"moderator", "superuser"}),
    (policy.leads_any_team, {"lead", "other_lead"}),
    (policy.can_open_moderation_queue, {"lead", "other_lead", "moderator", "superuser"}),
    (policy.can_use_admin, {"staff", "superuser"}),
    (policy.can_see_withdrawn_in_admin, {"superuser"}),
]


@pytest.mark.parametrize(("rule", "allowed"), PERSON_RULES, ids=[rule.__name__ for rule, _ in PERSON_RULES])
def test_it_answers_each_rule_about_a_person_for_each_person(people, rule, allowed):
    assert _who(people, rule) == allowed


def test_it_names_each_persons_role_in_the_team(people, team):
    roles = {name: policy.team_role(user, team) for name, user in people.items()}
    assert roles == {
        "anonymous": None,
        "outsider": None,
        "member": "member",
        "author": "member",
        "lead": "lead",
        "other_lead": None,
        "moderator": None,
        "staff": None,
        "superuser": None,
    }


READERS_OF_UNPUBLISHED = {"author", "lead", "moderator", "superuser"}
# rule -> status -> who may. A status missing from a rule's row: the same as its first entry.
STORY_RULES: list[tuple[Any, dict[str, set[str]]]] = [
    (
        policy.can_see_story,
        {
            Status.PUBLISHED: {"member", "author", "lead", "moderator", "superuser"},
            Status.PENDING: READERS_OF_UNPUBLISHED,
            Status.REJECTED: READERS_OF_UNPUBLISHED,
            Status.HIDDEN: READERS_OF_UNPUBLISHED,
            Status.WITHDRAWN: {"author"},
        },
    ),
    (policy.can_moderate_story, {status: {"lead", "moderator", "superuser"} for status in Status}),
    (policy.is_story_author, {status: {"author"} for status in Status}),
    (
        policy.can_edit_story,
        {
            Status.PUBLISHED: set(),
            Status.PENDING: {"author"},
            Status.REJECTED: {"author"},
            Status.HIDDEN: set(),
            Status.WITHDRAWN: set(),
        },
    ),
    (
        policy.can_flag_story,
        {status: set() for status in Status} | {Status.PUBLISHED: {"member", "lead"}},
    ),
    (
        policy.can_add_sequel,
        {status: set() for status in Status} | {Status.PUBLISHED: {"member", "author", "lead", "superuser"}},
    ),
    (policy.can_close_karma, {status: {"author", "lead", "superuser"} for status in Status}),
]
STORY_CASES = [(rule, status, allowed) for rule, table in STORY_RULES for status, allowed in table.items()]


@pytest.mark.parametrize(
    ("rule", "status", "allowed"),
    STORY_CASES,
    ids=[f"{rule.__name__}-{status}" for rule, status, _ in STORY_CASES],
)
def test_it_answers_each_story_rule_for_each_person_and_status(people, team, rule, status, allowed):
    story = StoryFactory(team=team, author=people["author"], status=status)
    assert _who(people, rule, story) == allowed


def test_it_asks_the_database_once_per_person_and_team(people, team, other_team, django_assert_num_queries):
    member = people["member"]
    with django_assert_num_queries(2):
        assert policy.is_team_member(member, team)
        assert policy.can_take_part_in_retro(member, team)
        assert policy.team_role(member, team) == "member"
        assert not policy.is_team_member(member, other_team)
        assert not policy.is_team_lead(member, other_team)
    # Each user object keeps its own answers: a fresh one asks again.
    with django_assert_num_queries(1):
        assert policy.is_team_member(UserFactory.build(pk=member.pk), team)


def test_it_records_what_a_view_asks_and_whether_it_is_open_to_all():
    def view() -> None: ...

    declared = policy.asks(policy.can_read_team, policy.can_close_retro)(view)
    assert declared.access_rules == (policy.can_read_team, policy.can_close_retro)  # type: ignore[attr-defined]
    assert declared.open_to_all is False  # type: ignore[attr-defined]
    public = policy.asks(public=True)(view)
    assert public.open_to_all is True  # type: ignore[attr-defined]
    assert public.access_rules == ()  # type: ignore[attr-defined]


def test_it_takes_rules_about_the_user_a_story_or_a_team_and_a_polls_stamp():
    def view() -> None: ...

    def stamp(**_arguments: object) -> str:
        return "7"

    rules = (policy.can_open_moderation_queue, policy.can_moderate_story, policy.can_read_team)
    declared = policy.asks(*rules, stamp=stamp)(view)
    assert declared.access_rules == rules  # type: ignore[attr-defined]
    assert declared.stamp is stamp  # type: ignore[attr-defined]
    assert policy.asks()(view).stamp is None  # type: ignore[attr-defined]


def test_it_refuses_to_declare_a_rule_no_loader_can_ask():
    def can_touch_the_moon(user: object, moon: object) -> bool:
        return True

    with pytest.raises(AssertionError, match="can_touch_the_moon: no loader asks about that"):
        policy.asks(can_touch_the_moon)


def test_it_lists_the_teams_a_person_leads_asking_once(people, team, other_team, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert policy.led_team_ids(people["lead"]) == [team.pk]
        assert policy.led_team_ids(people["lead"]) == [team.pk]
        assert policy.leads_any_team(people["lead"])
    assert policy.led_team_ids(people["other_lead"]) == [other_team.pk]
    assert policy.led_team_ids(people["member"]) == []
    assert policy.led_team_ids(people["anonymous"]) == []
