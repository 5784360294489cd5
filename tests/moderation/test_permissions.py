"""Who may do what: every moderation URL and action for every role, plus the wrong methods."""

from __future__ import annotations

import pytest

from stories.models import Flag, FlagReason, ModerationEvent, Status, Story
from tests.moderation.conftest import CARD, ROLES

# The status the story needs for the action to be legal, and the status it ends in.
ACTIONS = {
    "approve": (Status.PENDING, Status.PUBLISHED),
    "reject": (Status.PENDING, Status.REJECTED),
    "hide": (Status.PUBLISHED, Status.HIDDEN),
    "restore": (Status.HIDDEN, Status.PUBLISHED),
    "redact": (Status.PENDING, Status.PENDING),
    "dismiss-flags": (Status.PUBLISHED, Status.PUBLISHED),
}

# Who may act on a Front Desk story: 302 back to the queue; 403 for a member who may not;
# 404 for people outside the team; anonymous visitors go to the login page.
EXPECTED_ACTION_STATUS = {
    "anonymous": 302,
    "outsider": 404,
    "member": 403,
    "other_lead": 404,
    "lead": 302,
    "moderator": 302,
    "superuser": 302,
}
MAY_MODERATE = {"lead", "moderator", "superuser"}


@pytest.fixture
def story_for(make_story, colleague):
    def make(action):
        status = ACTIONS[action][0]
        # Only redaction needs personal data; publishing it is a matrix of its own below.
        text = f"She read out {CARD}." if action == "redact" else "She waited an hour."
        story = make_story(status, what_happened=text)
        if action == "dismiss-flags":
            story.flag(by=colleague, reason=FlagReason.OTHER)
        return story

    return make


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_it_allows_each_row_action_only_to_those_who_moderate_the_team(action, role, client_for, story_for):
    story = story_for(action)
    before = ModerationEvent.objects.count()

    response = client_for(role).post(f"/moderation/{story.pk}/{action}/", {"reason": "Not for us."})

    assert response.status_code == EXPECTED_ACTION_STATUS[role]
    story.refresh_from_db()
    if role in MAY_MODERATE:
        assert response["Location"] == "/moderation/"
        assert story.status == ACTIONS[action][1]
        assert ModerationEvent.objects.count() == before + 1
    else:
        assert story.status == ACTIONS[action][0]
        assert ModerationEvent.objects.count() == before
        if role == "anonymous":
            assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 403),
        ("member", 403),
        ("other_lead", 200),
        ("lead", 200),
        ("moderator", 200),
        ("superuser", 200),
    ],
)
def test_it_opens_the_queue_only_to_leads_and_moderators(role, status, client_for, pending):
    response = client_for(role).get("/moderation/")
    assert response.status_code == status
    if status == 200:
        shows_it = pending.title in response.content.decode()
        assert shows_it == (role != "other_lead")


@pytest.mark.parametrize(
    ("role", "status", "approved"),
    [
        ("anonymous", 302, False),
        ("outsider", 403, False),
        ("member", 403, False),
        ("other_lead", 302, False),
        ("lead", 302, True),
        ("moderator", 302, True),
        ("superuser", 302, True),
    ],
)
def test_it_bulk_approves_only_the_stories_the_user_moderates(role, status, approved, client_for, pending):
    response = client_for(role).post("/moderation/approve/", {"story": [pending.pk]})
    assert response.status_code == status
    assert (Story.objects.get(pk=pending.pk).status == Status.PUBLISHED) == approved


@pytest.mark.parametrize(
    ("role", "status", "flagged"),
    [
        ("anonymous", 302, False),
        ("outsider", 404, False),
        ("member", 302, True),
        ("other_lead", 404, False),
        ("lead", 302, True),
        # Moderators outside the team see the story but hide it themselves rather than flag it.
        ("moderator", 302, False),
        ("superuser", 302, False),
    ],
)
def test_it_lets_members_of_the_team_flag_a_published_story(
    role, status, flagged, client_for, make_story, colleague
):
    theirs = make_story(Status.PUBLISHED, author=colleague)
    response = client_for(role).post(f"/stories/{theirs.pk}/flag/", {"reason": "unfair", "comment": "Hm"})
    assert response.status_code == status
    assert Flag.objects.exists() == flagged


def test_it_does_not_let_the_author_flag_their_own_story(member_client, published):
    response = member_client.post(f"/stories/{published.pk}/flag/", {"reason": "unfair"}, follow=True)
    assert "You cannot flag your own story" in response.content.decode()
    assert not Flag.objects.exists()
    assert Story.objects.get(pk=published.pk).status == Status.PUBLISHED


# --- publishing a story that may hold personal data: a moderator's call ----------------------

# Who may publish a story that holds personal data, by each way of publishing it.
MAY_PUBLISH_PERSONAL_DATA = {"lead": False, "moderator": True, "superuser": True}


@pytest.fixture
def held(make_story, colleague):
    """held(way): a story holding a card number, in the status that way publishes from."""

    def make(way):
        if way == "restore":
            story = make_story(Status.PUBLISHED, what_happened=f"She read out {CARD}.")
            story.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)  # hides it
            return story
        return make_story(
            Status.PENDING, what_happened=f"She read out {CARD}.", status_reason="personal data"
        )

    return make


@pytest.mark.parametrize("role", MAY_PUBLISH_PERSONAL_DATA)
@pytest.mark.parametrize("way", ["approve", "restore", "bulk"])
def test_it_lets_only_moderators_publish_a_story_that_holds_personal_data(way, role, client_for, held):
    story = held(way)
    before = Story.objects.values("status", "status_reason").get(pk=story.pk)
    url = "/moderation/approve/" if way == "bulk" else f"/moderation/{story.pk}/{way}/"

    response = client_for(role).post(url, {"story": [story.pk]}, follow=True)

    published = Story.objects.get(pk=story.pk).status == Status.PUBLISHED
    assert published == MAY_PUBLISH_PERSONAL_DATA[role]
    html = response.content.decode()
    if not published:
        assert Story.objects.values("status", "status_reason").get(pk=story.pk) == before
        assert "still holds personal data" in html or "still hold personal data" in html
        assert not story.events.filter(action__in=["approve", "restore"]).exists()


# --- ids a client typed -------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["²", "٣", "99999999999999999999", str(2**63), "-1", "0", " 1", "1e3", ""])
def test_it_ignores_story_ids_no_database_could_hold_in_bulk_approve(value, lead_client, pending):
    response = lead_client.post("/moderation/approve/", {"story": [value]}, follow=True)
    assert response.status_code == 200
    assert "Tick at least one story" in response.content.decode()
    assert Story.objects.get(pk=pending.pk).status == Status.PENDING


def test_it_approves_each_ticked_story_once_however_often_it_is_sent(lead_client, pending):
    response = lead_client.post(
        "/moderation/approve/", {"story": [pending.pk, pending.pk, str(pending.pk)]}, follow=True
    )
    assert "1 approved and published." in response.content.decode()
    assert pending.events.count() == 1


@pytest.mark.parametrize("story_id", ["99999999999999999999", str(2**63), "9223372036854775807"])
def test_it_answers_404_for_story_ids_past_what_a_database_holds(story_id, lead_client, member_client):
    assert lead_client.post(f"/moderation/{story_id}/approve/").status_code == 404
    assert lead_client.post(f"/moderation/{story_id}/dismiss-flags/").status_code == 404
    assert member_client.post(f"/stories/{story_id}/flag/", {"reason": "other"}).status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/moderation/{pk}/" + action + "/" for action in ACTIONS]
    + ["/moderation/approve/", "/stories/{pk}/flag/"],
)
def test_it_refuses_get_on_every_action(url, lead_client, member_client, pending):
    assert lead_client.get(url.format(pk=pending.pk)).status_code == 405
    assert member_client.get(url.format(pk=pending.pk)).status_code == 405


def test_it_refuses_to_post_to_the_queue_page(lead_client):
    assert lead_client.post("/moderation/").status_code == 405


def test_it_answers_404_for_a_story_that_does_not_exist(lead_client):
    assert lead_client.post("/moderation/999999/approve/").status_code == 404
    assert lead_client.post("/stories/999999/flag/", {"reason": "other"}).status_code == 404


def test_it_hides_a_pending_story_from_members_who_try_to_flag_it(member_client, make_story, colleague):
    from django.test import Client

    story = make_story(Status.PENDING)
    client = Client()
    client.force_login(colleague)
    assert client.post(f"/stories/{story.pk}/flag/", {"reason": "other"}).status_code == 404
    assert not Flag.objects.exists()


def test_it_enforces_csrf_on_a_moderation_action(lead, pending):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(lead)
    assert client.post(f"/moderation/{pending.pk}/approve/").status_code == 403
    assert Story.objects.get(pk=pending.pk).status == Status.PENDING
