"""The stored search document follows every change to the words it holds.

On PostgreSQL these read the stored tsvector through search; on SQLite the same searches
read the text itself, so they pin the behaviour on both.
"""

from stories.models import Principle, Story, StoryPrinciple
from tests.factories import StoryFactory
from tests.log.searching import found
from tests.log.story_forms import story_post

EMAIL = "jo.bloggs@example.com"
PHONE = "+44 7700 900123"


def _edit(client, story, team, **fields):
    response = client.post(f"/stories/{story.pk}/edit/", story_post(team, **fields))
    assert response.status_code == 302


def test_it_finds_a_story_by_its_edited_words_only(member, member_client, team):
    story = StoryFactory(team=team, author=member, status="pending", published_at=None, title="Umbrella lent")
    _edit(member_client, story, team, title="Parcel delivered", what_happened="By bike.", lesson="Fast.")
    assert found(member_client, "umbrella") == []
    assert found(member_client, "parcel") == ["Parcel delivered"]


def test_it_finds_a_story_by_its_new_principles_only(member, member_client, team):
    story = StoryFactory(
        team=team, author=member, status="pending", published_at=None, tags=[("empathy", "honoured")]
    )
    honesty = Principle.objects.get(slug="honesty")
    _edit(member_client, story, team, title=story.title, principles=[honesty.pk])
    assert found(member_client, "empathy") == []
    assert found(member_client, honesty.name) == [story.title]


def test_it_forgets_a_removed_tag(member_client, team):
    story = StoryFactory(team=team, title="Tagged", tags=[("empathy", "honoured")])
    StoryPrinciple.objects.get(story=story).delete()
    assert found(member_client, "empathy") == []


def test_it_finds_a_story_by_its_principles_new_name(member_client, team):
    StoryFactory(team=team, title="Tagged", tags=[("empathy", "honoured")])
    principle = Principle.objects.get(slug="empathy")
    principle.name = "Compassion"
    principle.translations = {"de": {"name": "Mitgefühl"}}
    principle.save()
    assert found(member_client, "compassion") == ["Tagged"]
    assert found(member_client, "Mitgefühl") == ["Tagged"]
    assert found(member_client, "empathy") == []


def test_it_no_longer_finds_redacted_words(member_client, lead, team):
    story = StoryFactory(team=team, title="Wrote back", what_happened=f"Write to {EMAIL} or call {PHONE}.")
    assert found(member_client, EMAIL) == ["Wrote back"]
    assert found(member_client, "900123") == ["Wrote back"]

    Story.objects.get(pk=story.pk).redact(by=lead)

    assert found(member_client, EMAIL) == []
    assert found(member_client, "900123") == []
    assert found(member_client, "wrote") == ["Wrote back"]
