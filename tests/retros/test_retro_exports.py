"""GET .../<YYYY-MM>.md and .csv: the retro's exports."""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from django.test import Client

from stories.core.months import add_months
from stories.models import Status
from tests.factories import ActionItemFactory, MembershipFactory, RetroFactory, StoryFactory, UserFactory
from tests.retros.helpers import is_login_redirect, month_url

pytestmark = pytest.mark.django_db

EXPORTS = ("retro_markdown", "retro_csv")


def read_csv(response):
    return list(csv.DictReader(io.StringIO(csv_text(response))))


# Far more lines than any test's month has: a CSV that goes on is a loop that never ends, and
# this fails on it at once instead of waiting forever.
MAX_CSV_LINES = 1000


def csv_text(response):
    """The streamed CSV, read once and kept on the response for the next look."""
    if not hasattr(response, "csv_text"):
        assert response.streaming
        lines = list(itertools.islice(response.streaming_content, MAX_CSV_LINES + 1))
        assert len(lines) <= MAX_CSV_LINES, "the CSV does not end"
        response.csv_text = b"".join(lines).decode()
    return response.csv_text


def test_it_refuses_other_methods(member_client, team, last_month):
    for name in EXPORTS:
        assert member_client.post(month_url(name, team, last_month)).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(team, last_month):
    for name in EXPORTS:
        assert is_login_redirect(Client().get(month_url(name, team, last_month)))


def test_it_hides_the_team_from_outsiders(outsider_client, team, last_month, month_stories):
    for name in EXPORTS:
        assert outsider_client.get(month_url(name, team, last_month)).status_code == 404


def test_it_answers_404_for_a_future_month(member_client, team, this_month):
    for name in EXPORTS:
        assert member_client.get(month_url(name, team, add_months(this_month, 1))).status_code == 404


def test_it_downloads_the_csv_as_a_named_attachment(member_client, team, last_month, month_stories):
    response = member_client.get(month_url("retro_csv", team, last_month))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == f'attachment; filename="front-desk-retro-{last_month:%Y-%m}.csv"'
    )


def test_it_has_one_csv_row_per_published_story_with_its_tags(lead_client, team, last_month, month_stories):
    StoryFactory(team=team, happened_on=last_month, status=Status.HIDDEN, title="Hidden one")
    StoryFactory(team=team, happened_on=add_months(last_month, -1), title="Other month")
    rows = read_csv(lead_client.get(month_url("retro_csv", team, last_month)))
    assert list(rows[0]) == [
        "id", "date", "kind", "perspective", "channel", "title", "author",
        "went_beyond", "principles honoured", "principles broken",
    ]  # fmt: skip
    assert [int(row["id"]) for row in rows] == [story.pk for story in month_stories]
    first = rows[0]
    assert (first["date"], first["kind"], first["channel"], first["author"]) == (
        f"{last_month:%Y-%m}-01", "good", "phone", "Ana",
    )  # fmt: skip
    assert first["principles honoured"] == "Empathy" and first["principles broken"] == ""
    assert rows[4]["principles broken"] == "Make it right"


def test_it_never_names_anonymous_authors_even_for_moderators(
    moderator_client, member, team, last_month, month_stories
):
    secretive = UserFactory(username="secretive", first_name="Sigrid")
    MembershipFactory(user=secretive, team=team)
    hidden_name = StoryFactory(
        team=team, author=secretive, anonymous=True, happened_on=last_month, title="Quiet one"
    )
    RetroFactory(team=team, month=last_month).vote(hidden_name, by=member)
    markdown = moderator_client.get(month_url("retro_markdown", team, last_month)).content.decode()
    assert "**Quiet one** (Good service), Anonymous: 1 vote" in markdown
    response = moderator_client.get(month_url("retro_csv", team, last_month))
    for body in (markdown, csv_text(response)):
        assert "secretive" not in body and "Sigrid" not in body
    rows = read_csv(response)
    assert next(row for row in rows if int(row["id"]) == hidden_name.pk)["author"] == ""


def test_it_defuses_spreadsheet_formulas(member_client, team, last_month, month_stories):
    StoryFactory(team=team, happened_on=last_month, title="+1 for the team")
    StoryFactory(team=team, happened_on=last_month, title="@mention me")
    StoryFactory(team=team, happened_on=last_month, title="-5 stars")
    titles = {row["title"] for row in read_csv(member_client.get(month_url("retro_csv", team, last_month)))}
    assert {'\'=HYPERLINK("http://evil")', "'+1 for the team", "'@mention me", "'-5 stars"} <= titles


def test_it_downloads_a_readable_markdown_report(lead_client, member, team, last_month, month_stories):
    retro = RetroFactory(team=team, month=last_month, notes="Keep smiling | always")
    retro.vote(month_stories[-1], by=member)
    ActionItemFactory(retro=retro, text="Call | back", owner=member)
    response = lead_client.get(month_url("retro_markdown", team, last_month))
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="front-desk-retro-{last_month:%Y-%m}.md"'
    body = response.content.decode()
    assert body.startswith(f"# Front Desk · {last_month:%B %Y} retro")
    assert "| Good service | 4 | 0 | +4 |" in body
    assert "| Empathy | 4 | 0 |" in body
    assert "| Other (folded for privacy) | 0 | 2 |" in body
    assert "| Phone | 4 |" in body
    assert '1. **=HYPERLINK("http://evil")** (Bad service), Anonymous: 1 vote' in body
    assert "- [ ] Call \\| back — Mia" in body
    assert "Keep smiling \\| always" in body
    assert "&quot;" not in body and "&#x27;" not in body


def test_it_exports_a_closed_retro_from_its_snapshot(lead_client, team, last_month, month_stories, lead):
    lead_client.post(month_url("retro_close", team, last_month))
    month_stories[0].hide(by=lead)
    body = lead_client.get(month_url("retro_markdown", team, last_month)).content.decode()
    assert "these figures are frozen" in body
    assert "| Good service | 4 | 0 | +4 |" in body
    assert "now counts 5 published stories" in body


def test_it_exports_an_empty_month(member_client, team, last_month):
    body = member_client.get(month_url("retro_markdown", team, last_month)).content.decode()
    assert "No stories were published for this month." in body
    rows = read_csv(member_client.get(month_url("retro_csv", team, last_month)))
    assert rows == []
