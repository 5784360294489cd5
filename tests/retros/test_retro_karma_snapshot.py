"""A closed retro keeps the karma section it had when it closed, like its figures."""

from __future__ import annotations

import datetime as dt

import pytest

from stories.karma.figures import month_section
from stories.models import Retro, SequelOutcome, Status
from stories.retros.figures import month_figures
from stories.retros.snapshots import snapshot_of
from tests.factories import RetroFactory, SequelLinkFactory, StoryFactory
from tests.retros.helpers import HTMX, month_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in_month(team, member, last_month):
    """link(title): a sequel of a "went beyond" story, its link logged mid-month."""

    def link(title: str, *, day: int = 10):
        original = StoryFactory(
            team=team,
            author=member,
            went_beyond=True,
            cost_note="Drove it over ourselves",
            title=f"Original of {title}",
            happened_on=last_month - dt.timedelta(days=40),
        )
        sequel = StoryFactory(team=team, author=member, title=title, happened_on=last_month)
        logged = dt.datetime.combine(last_month + dt.timedelta(days=day), dt.time(12), tzinfo=dt.UTC)
        return SequelLinkFactory(
            original=original, sequel=sequel, outcome=SequelOutcome.REFERRAL, created_at=logged
        )

    return link


def _retro_page(client, team, month) -> str:
    response = client.get(month_url("retro_detail", team, month))
    assert response.status_code == 200
    return response.content.decode()


def test_it_stores_the_karma_section_when_the_retro_closes(lead_client, team, last_month, logged_in_month):
    logged_in_month("Came back for the wedding order")
    expected = month_section(team, last_month)

    assert lead_client.post(month_url("retro_close", team, last_month), **HTMX).status_code == 200

    retro = Retro.objects.get(team=team, month=last_month)
    assert retro.snapshot["karma"] == expected
    assert [row["sequel_title"] for row in retro.snapshot["karma"]["sequels"]] == [
        "Came back for the wedding order"
    ]


def test_it_renders_a_closed_retro_from_its_frozen_karma(
    lead_client, member_client, team, last_month, logged_in_month
):
    logged_in_month("Came back for the wedding order")
    lead_client.post(month_url("retro_close", team, last_month))
    # Logged after the close, but dated in the month: the live section would now list it.
    logged_in_month("Sent us her whole book club", day=20)

    html = _retro_page(member_client, team, last_month)

    assert "Came back for the wedding order" in html
    assert "Sent us her whole book club" not in html
    assert "the figures, highlights and karma section below are frozen" in html

    lead_client.post(month_url("retro_reopen", team, last_month))
    assert "Sent us her whole book club" in _retro_page(member_client, team, last_month)


def test_it_shows_the_live_karma_for_a_retro_closed_before_karma_was_frozen(
    member_client, lead, team, last_month, logged_in_month
):
    retro = RetroFactory(team=team, month=last_month)
    retro.close(by=lead, snapshot=snapshot_of(month_figures(team, last_month, retro)))
    assert "karma" not in retro.snapshot
    logged_in_month("Came back for the wedding order")

    html = _retro_page(member_client, team, last_month)

    assert "Came back for the wedding order" in html
    assert "the figures and highlights below are frozen" in html


def test_it_does_not_show_again_a_frozen_story_hidden_since(
    lead_client, member_client, team, last_month, logged_in_month
):
    link = logged_in_month("Came back for the wedding order")
    lead_client.post(month_url("retro_close", team, last_month))
    link.sequel.status = Status.HIDDEN
    link.sequel.save(update_fields=["status"])

    html = _retro_page(member_client, team, last_month)

    assert ">Came back for the wedding order</a>" not in html
    assert "A story no longer published" in html
    assert "Original of Came back for the wedding order" in html
    assert "data-karma-rate" in html
