"""The moderation panel on the story page (templates/moderation/_story_moderation.html)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stories.models import FlagReason, Status
from tests.moderation.conftest import CARD


def _story_page(client, story):
    response = client.get(f"/stories/{story.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _panel(html):
    start = html.index('<section id="story-moderation"')
    return html[start : html.index("</section>", start)]


def test_it_shows_a_lead_the_open_flags_and_the_history(lead_client, make_story, colleague):
    story = make_story(Status.PUBLISHED, what_happened=f"Card {CARD}")
    story.flag(by=colleague, reason=FlagReason.UNFAIR, comment="Names Sam")

    panel = _panel(_story_page(lead_client, story))

    assert "Published" in panel
    assert "Contains: card" in panel
    assert "Unfair to a colleague</strong> — A team member" in panel
    assert "<q>Names Sam</q>" in panel
    assert "Flagged</strong> by A team member" in panel


def test_it_shows_a_lead_the_status_reason_of_a_story_hidden_by_a_flag(lead_client, make_story, colleague):
    story = make_story(Status.PUBLISHED)
    story.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)

    panel = _panel(_story_page(lead_client, story))

    assert "Hidden" in panel
    assert "Reason:</strong> personal data" in panel
    assert "Hidden</strong> by Service Retro (Published → Hidden): Flagged: customer personal data" in panel
    assert f'action="/moderation/{story.pk}/restore/"' in panel


def test_it_lets_a_lead_decide_from_the_story_page_and_come_back(lead_client, pending):
    panel = _panel(_story_page(lead_client, pending))
    assert f'action="/moderation/{pending.pk}/approve/"' in panel
    assert f'name="next" value="/stories/{pending.pk}/"' in panel

    response = lead_client.post(
        f"/moderation/{pending.pk}/approve/",
        {"next": f"/stories/{pending.pk}/", "expected_status": "pending"},
        follow=True,
    )
    assert response.redirect_chain == [(f"/stories/{pending.pk}/", 302)]
    assert "Approved</strong> by Leo (Pending review → Published)" in _panel(response.content.decode())


def test_it_lets_a_lead_restore_a_hidden_story_from_its_page(lead_client, make_story):
    story = make_story(Status.HIDDEN, status_reason="Cooling off")
    panel = _panel(_story_page(lead_client, story))
    assert "Reason:</strong> Cooling off" in panel
    assert f'action="/moderation/{story.pk}/restore/"' in panel
    assert "/approve/" not in panel
    lead_client.post(f"/moderation/{story.pk}/restore/", {"expected_status": "hidden"})
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED


def test_it_shows_the_author_why_their_story_is_hidden(member_client, make_story):
    story = make_story(Status.HIDDEN, status_reason="personal data")
    panel = _panel(_story_page(member_client, story))
    assert "Your story is hidden. Reason: personal data." in panel
    assert "History" not in panel


def test_it_offers_members_the_flag_form_on_a_published_story_only(client, colleague, published, make_story):
    client.force_login(colleague)
    panel = _panel(_story_page(client, published))
    assert "Flag this story" in panel
    assert f'action="/stories/{published.pk}/flag/"' in panel
    assert f'hx-post="/stories/{published.pk}/flag/"' in panel
    for reason in FlagReason.labels:
        assert str(reason) in panel
    assert "History" not in panel


def test_it_keeps_the_history_from_plain_members(member_client, pending, member):
    pending.record_edit(by=member)
    panel = _panel(_story_page(member_client, pending))
    assert "History" not in panel
    assert "Flag this story" not in panel


def test_it_names_an_anonymous_author_in_the_history_only_to_moderators(
    lead_client, moderator_client, make_story, member
):
    story = make_story(Status.PENDING, anonymous=True)
    story.record_edit(by=member)
    assert "Edited</strong> by Anonymous" in _panel(_story_page(lead_client, story))
    assert "Edited</strong> by Mia" in _panel(_story_page(moderator_client, story))


@pytest.mark.parametrize("role", ["lead", "colleague"])
def test_it_adds_a_constant_number_of_queries_to_the_story_page(role, request, make_story, colleague, lead):
    story = make_story(Status.PUBLISHED)
    client = Client()
    client.force_login(request.getfixturevalue(role))

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/stories/{story.pk}/")
        return len(queries)

    few = count()
    for _ in range(10):
        story.hide(by=lead)
        story.restore(by=lead)
    story.flag(by=colleague, reason=FlagReason.OTHER)
    # For the colleague the flag form gives way to "you flagged": the same queries.
    assert count() == few
