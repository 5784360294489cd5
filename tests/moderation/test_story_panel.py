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
    # Held for personal data: restoring it is a moderator's call.
    assert f'action="/moderation/{story.pk}/restore/"' not in panel
    assert "only a moderator can publish it" in panel


def test_it_offers_a_moderator_the_restore_of_a_story_hidden_for_personal_data(
    moderator_client, make_story, colleague
):
    story = make_story(Status.PUBLISHED)
    story.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)
    panel = _panel(_story_page(moderator_client, story))
    assert f'action="/moderation/{story.pk}/restore/"' in panel
    assert "only a moderator" not in panel


def test_it_offers_a_lead_redaction_instead_of_approval_while_personal_data_remains(lead_client, make_story):
    story = make_story(Status.PENDING, what_happened=f"Card {CARD}", status_reason="personal data")
    panel = _panel(_story_page(lead_client, story))
    assert f'action="/moderation/{story.pk}/approve/"' not in panel
    assert f'action="/moderation/{story.pk}/redact/"' in panel
    assert "redact it first, or ask a moderator" in panel

    lead_client.post(f"/moderation/{story.pk}/redact/", {"expected_status": "pending"})
    panel = _panel(_story_page(lead_client, story))
    assert f'action="/moderation/{story.pk}/approve/"' in panel


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
    assert "/restore/" not in panel


def test_it_shows_the_author_the_history_of_their_story_without_naming_who_decided(
    member_client, pending, member, lead
):
    pending.record_edit(by=member)
    pending.reject(by=lead, reason="Please name the principle.")
    pending.resubmit(by=member)
    pending.approve(by=lead)

    panel = _panel(_story_page(member_client, pending))

    assert "History of your story" in panel
    assert "Edited</strong> by you" in panel
    assert "Rejected</strong> by a moderator (Pending review → Rejected): Please name the principle." in panel
    assert "Resubmitted</strong> by you (Rejected → Pending review)" in panel
    assert "Approved</strong> by a moderator (Pending review → Published)" in panel
    assert "Leo" not in panel
    assert "<form" not in panel


def test_it_shows_the_author_a_flag_without_naming_who_raised_it(
    member_client, published, colleague, moderator
):
    published.flag(by=colleague, reason=FlagReason.UNFAIR)
    published.dismiss_flags(by=moderator)
    panel = _panel(_story_page(member_client, published))
    assert "Flagged</strong> by A team member: Unfair to a colleague" in panel
    assert "Flags dismissed</strong> by a moderator" in panel
    assert "Cole" not in panel
    assert "Mo" not in panel.replace("Moderation", "")


def test_it_shows_the_author_of_an_anonymous_story_their_own_moves(member_client, make_story, member):
    story = make_story(Status.PENDING, anonymous=True)
    story.record_edit(by=member)
    panel = _panel(_story_page(member_client, story))
    assert "Edited</strong> by you" in panel


def test_it_offers_members_the_flag_form_on_a_published_story_only(client, colleague, published, make_story):
    client.force_login(colleague)
    panel = _panel(_story_page(client, published))
    assert "Flag this story" in panel
    assert f'action="/stories/{published.pk}/flag/"' in panel
    assert f'hx-post="/stories/{published.pk}/flag/"' in panel
    for reason in FlagReason.labels:
        assert str(reason) in panel
    assert "History" not in panel


def test_it_keeps_the_history_from_members_who_did_not_write_the_story(client, colleague, published, lead):
    published.hide(by=lead)
    published.restore(by=lead)
    client.force_login(colleague)
    panel = _panel(_story_page(client, published))
    assert "History" not in panel
    assert "Restored" not in panel


@pytest.mark.parametrize("status", [Status.PENDING, Status.PUBLISHED])
def test_it_never_offers_the_author_to_flag_their_own_story(status, member_client, make_story):
    panel = _panel(_story_page(member_client, make_story(status)))
    assert "Flag this story" not in panel
    assert "/flag/" not in panel


def test_it_names_an_anonymous_author_in_the_history_only_to_moderators(
    lead_client, moderator_client, make_story, member
):
    story = make_story(Status.PENDING, anonymous=True)
    story.record_edit(by=member)
    assert "Edited</strong> by Anonymous" in _panel(_story_page(lead_client, story))
    assert "Edited</strong> by Mia" in _panel(_story_page(moderator_client, story))


@pytest.mark.parametrize("role", ["lead", "colleague", "member"])
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
