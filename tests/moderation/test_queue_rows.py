"""A queue row is drawn once per app server for the same story and rights, never shown stale,
and its forms carry each page's own CSRF token."""

from __future__ import annotations

import pytest
from django.test import Client

from stories.core import fragments
from stories.models import FlagReason, Status, Story
from tests.bodies import CSRF_TOKEN
from tests.moderation.conftest import EMAIL

URL = "/moderation/"
ROW = "moderation/_queue_row.html"


@pytest.fixture
def row_renders(drawn):
    return drawn(ROW, pick=lambda context: context["row"]["title"])


def _row(html: str, story: Story) -> str:
    row = html[html.index(f'id="story-row-{story.pk}"') :]
    return row[: row.index("</article>")]


def test_it_draws_a_row_once_for_the_same_story(lead_client, pending, row_renders):
    first = _row(lead_client.get(URL).content.decode(), pending)
    again = _row(lead_client.get(URL).content.decode(), pending)

    assert CSRF_TOKEN.sub("", first) == CSRF_TOKEN.sub("", again)
    assert row_renders == ["Pending story"]


def test_it_shows_the_story_as_it_is_now(lead_client, pending, row_renders):
    lead_client.get(URL)
    Story.objects.filter(pk=pending.pk).update(what_happened=f"She left her address: {EMAIL}.")

    row = _row(lead_client.get(URL).content.decode(), pending)

    assert f'<mark title="email">{EMAIL}' in row
    assert "Redact email" in row
    assert len(row_renders) == 2


def test_it_shows_a_new_flag_at_once(lead_client, lead, published, colleague, row_renders):
    published.flag(by=colleague, reason=FlagReason.UNFAIR, comment="Names Sam")
    lead_client.get(URL)
    published.flag(by=lead, reason=FlagReason.OTHER, comment="Please look again")

    row = _row(lead_client.get(URL).content.decode(), published)

    assert "2 open flags" in row and "Please look again" in row


def test_it_draws_a_filtered_queues_row_apart(moderator_client, pending, row_renders):
    filtered = _row(moderator_client.get(URL, {"team": "front-desk"}).content.decode(), pending)
    unfiltered = _row(moderator_client.get(URL).content.decode(), pending)

    assert '<input type="hidden" name="team" value="front-desk">' in filtered
    assert 'name="team"' not in unfiltered


def test_it_names_the_author_of_an_anonymous_story_only_to_a_moderator(
    lead_client, moderator_client, make_story, row_renders
):
    story = make_story(Status.PENDING, title="Told anonymously", anonymous=True)

    as_lead = _row(lead_client.get(URL).content.decode(), story)
    as_moderator = _row(moderator_client.get(URL).content.decode(), story)

    assert "Anonymous" in as_lead and "Mia" not in as_lead
    assert "Mia" in as_moderator


def test_it_gives_each_page_its_own_token_that_a_decision_accepts(lead, pending, row_renders):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead)
    client.get(URL)  # the row is kept now: this page takes it from the kept rows
    row = _row(client.get(URL).content.decode(), pending)
    tokens = set(CSRF_TOKEN.findall(row))

    assert fragments.CSRF_SLOT not in row
    assert len(tokens) == 1
    approve = f"/moderation/{pending.pk}/approve/"
    assert (
        client.post(approve, {"expected_status": "pending", "csrfmiddlewaretoken": "x" * 64}).status_code
        == 403
    )
    response = client.post(approve, {"expected_status": "pending", "csrfmiddlewaretoken": tokens.pop()})
    assert response.status_code == 302
    assert Story.objects.get(pk=pending.pk).status == Status.PUBLISHED
