"""Withdrawn means gone from everyone but its author: every path that returns a story, for every role."""

from __future__ import annotations

from unittest import mock

import pytest
from django.test import Client

from stories.models import Flag, FlagReason, IllegalTransition, ModerationEvent, Status, Story
from tests.factories import StoryFactory, UserFactory

TITLE = "Something I took back"
OTHERS = ["lead_client", "moderator_client", "superuser_client", "colleague_client", "outsider_client"]
MODERATION_ACTIONS = ["approve", "reject", "hide", "restore", "redact", "dismiss-flags"]


@pytest.fixture
def colleague_client(team):
    from tests.factories import MembershipFactory

    user = UserFactory(username="colleague")
    MembershipFactory(user=user, team=team)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def withdrawn(team, member, lead):
    """A story with a flag and a history, then taken back by its author."""
    story = StoryFactory(
        team=team, author=member, title=TITLE, status=Status.PENDING, what_happened="Card 4111 1111 1111 1111"
    )
    Flag.objects.create(story=story, raised_by=lead, reason=FlagReason.OTHER, comment="look")
    story.withdraw(by=member)
    return story


def test_it_shows_the_author_their_withdrawn_story(member_client, withdrawn):
    response = member_client.get(f"/stories/{withdrawn.pk}/")
    assert response.status_code == 200
    assert TITLE in response.content.decode()


@pytest.mark.parametrize("viewer", OTHERS)
def test_it_hides_the_story_page_from_everyone_else(request, viewer, withdrawn):
    response = request.getfixturevalue(viewer).get(f"/stories/{withdrawn.pk}/")
    assert response.status_code == 404
    assert TITLE not in response.content.decode()


@pytest.mark.parametrize("viewer", ["lead_client", "moderator_client", "superuser_client"])
@pytest.mark.parametrize("action", MODERATION_ACTIONS)
@pytest.mark.parametrize("htmx", [True, False])
def test_it_answers_moderation_moves_on_it_with_404_and_nothing_of_it(
    request, viewer, action, htmx, withdrawn
):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = request.getfixturevalue(viewer).post(
        f"/moderation/{withdrawn.pk}/{action}/", {"reason": "because"}, **headers
    )
    assert response.status_code == 404
    assert TITLE not in response.content.decode()
    withdrawn.refresh_from_db()
    assert withdrawn.status == Status.WITHDRAWN


@pytest.mark.parametrize("viewer", OTHERS)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/stories/{pk}/flag/"),
        ("post", "/stories/{pk}/karma/close/"),
        ("post", "/stories/{pk}/karma/reopen/"),
        ("get", "/stories/{pk}/sequels/link/"),
        ("post", "/stories/{pk}/sequels/link/"),
        ("get", "/stories/new/?sequel_of={pk}"),
    ],
)
def test_it_finds_nothing_through_flags_karma_or_sequels(request, viewer, method, path, withdrawn):
    client = request.getfixturevalue(viewer)
    url = path.format(pk=withdrawn.pk)
    response = client.post(url, {"reason": "other"}) if method == "post" else client.get(url)
    assert response.status_code in {404, 302}
    assert TITLE not in response.content.decode()


@pytest.mark.parametrize("viewer", ["lead_client", "moderator_client", "superuser_client"])
def test_it_leaves_it_out_of_the_queue_the_stream_and_search(request, viewer, withdrawn):
    client = request.getfixturevalue(viewer)
    for url in ("/moderation/", "/stories/", f"/stories/?q={TITLE.split()[0]}", "/"):
        assert TITLE not in client.get(url).content.decode()


def test_it_refuses_it_as_the_original_of_a_sequel(lead_client, team, withdrawn):
    from tests.log.story_forms import story_post

    response = lead_client.post(
        "/stories/new/", story_post(team, sequel_of=withdrawn.pk, sequel_outcome="returned")
    )
    assert response.status_code == 404
    assert not Story.objects.exclude(pk=withdrawn.pk).exists()


def test_it_names_nothing_when_the_author_withdraws_during_a_decision(lead_client, member, team):
    story = StoryFactory(team=team, author=member, title=TITLE, status=Status.PENDING)

    def withdrawn_first(self, *, by):
        Story.objects.get(pk=self.pk).withdraw(by=member)
        raise IllegalTransition("Someone else already decided this story: it is now withdrawn.")

    with mock.patch.object(Story, "approve", withdrawn_first):
        response = lead_client.post(f"/moderation/{story.pk}/approve/", HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert "it is now withdrawn" in html
    assert f'id="story-row-{story.pk}"' in html
    assert TITLE not in html
    assert "Card" not in html


def test_it_shows_it_in_the_admin_to_superusers_only(superuser_client, moderator, withdrawn):
    moderator.is_staff = True
    moderator.save()
    moderator.user_permissions.add(
        *__import__("django.contrib.auth.models", fromlist=["Permission"]).Permission.objects.filter(
            codename__in=["view_story", "view_moderationevent", "view_flag"]
        )
    )
    staff = Client()
    staff.force_login(moderator)

    assert TITLE in superuser_client.get("/admin/stories/story/").content.decode()
    assert staff.get(f"/admin/stories/story/{withdrawn.pk}/change/").status_code == 302
    assert TITLE not in staff.get("/admin/stories/story/").content.decode()
    assert TITLE not in staff.get("/admin/stories/moderationevent/").content.decode()
    assert TITLE not in staff.get("/admin/stories/flag/").content.decode()
    assert ModerationEvent.objects.filter(story=withdrawn).exists()
