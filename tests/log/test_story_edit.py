import pytest

from stories.models import ModerationAction, Status
from tests.factories import StoryFactory
from tests.log.story_forms import story_post


@pytest.fixture
def pending(team, member):
    return StoryFactory(
        team=team, author=member, status=Status.PENDING, title="First draft", tags=[("empathy", "honoured")]
    )


def edit_url(story):
    return f"/stories/{story.pk}/edit/"


def test_it_sends_anonymous_visitors_to_login(client, pending):
    assert client.get(edit_url(pending))["Location"].startswith("/accounts/login/")


def test_it_refuses_other_methods(member_client, pending):
    assert member_client.put(edit_url(pending)).status_code == 405


def test_it_hides_the_story_from_outsiders(outsider_client, pending):
    assert outsider_client.get(edit_url(pending)).status_code == 404


def test_it_refuses_the_lead_who_is_not_the_author(lead_client, pending):
    assert lead_client.get(edit_url(pending)).status_code == 403


def test_it_lets_the_author_edit_a_pending_story(member_client, pending, team):
    response = member_client.get(edit_url(pending))
    assert response.status_code == 200
    assert 'value="First draft"' in response.content.decode()
    response = member_client.post(edit_url(pending), story_post(team, title="Second draft"))
    pending.refresh_from_db()
    assert response.status_code == 302
    assert pending.title == "Second draft"
    assert pending.status == Status.PENDING


def test_it_resubmits_a_rejected_story_on_edit(member_client, team, member):
    rejected = StoryFactory(
        team=team, author=member, status=Status.REJECTED, status_reason="Name a principle"
    )
    member_client.post(edit_url(rejected), story_post(team, title="Better now"))
    rejected.refresh_from_db()
    assert rejected.status == Status.PENDING
    assert rejected.events.filter(action=ModerationAction.RESUBMIT).count() == 1


def test_it_refuses_to_edit_a_published_story(member_client, team, member):
    published = StoryFactory(team=team, author=member)
    response = member_client.post(edit_url(published), story_post(team, title="Sneaky change"), follow=True)
    published.refresh_from_db()
    assert published.title != "Sneaky change"
    assert "can no longer be edited" in response.content.decode()


def test_it_lets_the_author_withdraw(member_client, pending):
    response = member_client.post(f"/stories/{pending.pk}/withdraw/")
    pending.refresh_from_db()
    assert response.status_code == 302
    assert pending.status == Status.WITHDRAWN


def test_it_refuses_withdraw_by_get_or_by_others(member_client, lead_client, outsider_client, pending):
    assert member_client.get(f"/stories/{pending.pk}/withdraw/").status_code == 405
    assert lead_client.post(f"/stories/{pending.pk}/withdraw/").status_code == 403
    assert outsider_client.post(f"/stories/{pending.pk}/withdraw/").status_code == 404
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
