import pytest
from django.urls import reverse

from stories.models import Status
from tests.factories import MembershipFactory, StoryFactory, UserFactory


@pytest.fixture
def story(team, lead):
    return StoryFactory(team=team, author=lead, title="The late parcel", tags=[("make-it-right", "honoured")])


def url(story):
    return f"/stories/{story.pk}/"


def test_it_sends_anonymous_visitors_to_login(client, story):
    assert client.get(url(story))["Location"].startswith("/accounts/login/")


def test_it_refuses_post(member_client, story):
    assert member_client.post(url(story)).status_code == 405


def test_it_hides_the_story_from_outsiders(outsider_client, story):
    assert outsider_client.get(url(story)).status_code == 404


def test_it_answers_404_for_a_missing_story(member_client, db):
    assert member_client.get("/stories/999999/").status_code == 404


def test_it_shows_a_member_the_story_and_its_tags(member_client, story):
    response = member_client.get(url(story))
    html = response.content.decode()
    assert response.status_code == 200
    assert "The late parcel" in html
    assert "Make it right" in html
    assert "Honoured" in html


def test_it_hides_someone_elses_pending_story_from_a_member(member_client, team, lead):
    pending = StoryFactory(team=team, author=lead, status=Status.PENDING)
    assert member_client.get(url(pending)).status_code == 404


def test_it_shows_the_lead_a_pending_story_to_moderate(lead_client, team, member):
    pending = StoryFactory(team=team, author=member, status=Status.PENDING, published_at=None)
    html = lead_client.get(url(pending)).content.decode()
    assert pending.title in html
    assert reverse("moderation_approve", args=[pending.pk]) in html
    assert reverse("moderation_reject", args=[pending.pk]) in html


def test_it_shows_the_author_their_pending_story_with_actions(member_client, team, member):
    pending = StoryFactory(team=team, author=member, status=Status.PENDING)
    html = member_client.get(url(pending)).content.decode()
    assert "Your story is pending review." in html
    assert f"/stories/{pending.pk}/edit/" in html


@pytest.mark.parametrize("viewer", ["member_client", "lead_client"])
def test_it_never_reveals_an_anonymous_author(request, viewer, team, member, lead):
    author = UserFactory(username="quietauthor", first_name="Quentin", last_name="Quiet")
    MembershipFactory(user=author, team=team)
    story = StoryFactory(team=team, author=author, anonymous=True)
    html = request.getfixturevalue(viewer).get(url(story)).content.decode()
    assert "Anonymous" in html
    assert "quietauthor" not in html
    assert "Quentin" not in html


def test_it_shows_moderators_the_author_of_an_anonymous_story(moderator_client, team, member):
    story = StoryFactory(team=team, author=member, anonymous=True)
    html = moderator_client.get(url(story)).content.decode()
    assert member.get_full_name() in html or member.username in html


@pytest.mark.parametrize("story_id", ["99999999999999999999999", "9223372036854775808", "0"])
def test_it_answers_404_for_ids_no_database_holds(member_client, story_id):
    assert member_client.get(f"/stories/{story_id}/").status_code == 404
    assert member_client.post(f"/stories/{story_id}/withdraw/").status_code == 404
    assert member_client.get(f"/stories/{story_id}/edit/").status_code == 404
