"""In two real browsers, lead and member: what one does appears on the other's open page
within 3 seconds, without a reload; two people typing notes from one version lose nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from stories.models import Retro

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE_WITHIN_MS = 3_000


@pytest.fixture
def member_page(browser: Any, live_server: Any, member: Any) -> Iterator[Any]:
    """A second, separate browser context: the member on another laptop."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(member.username)
    page.get_by_label("Password").fill("service-retro")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
    yield page
    context.close()


def retro_path(team: Any, month: Any) -> str:
    return reverse("retro_detail", kwargs={"slug": team.slug, "month": month})


def test_it_shows_the_members_vote_and_action_item_on_the_leads_page_without_a_reload(
    page, login, member_page, lead, member, team, last_month, month_stories
):
    from playwright.sync_api import expect

    story = month_stories[2]
    login(lead)
    page.goto(retro_path(team, last_month))
    page.evaluate("window.__sameDocument = true")
    member_page.goto(retro_path(team, last_month))

    member_page.get_by_role(
        "button", name=re.compile(rf"☆ Vote\s*: vote for “{re.escape(story.title)}”")
    ).click()
    expect(page.locator(f"#candidate-{story.pk} td.text-end").first).to_have_text("1", timeout=LIVE_WITHIN_MS)
    expect(page.locator("#highlights ol")).to_contain_text(story.title, timeout=LIVE_WITHIN_MS)

    form = member_page.locator("#action-items form").last
    form.get_by_label("Action").fill("Call Mrs Diaz back before noon")
    form.get_by_role("button", name="Add action item").click()
    expect(page.locator("#action-items")).to_contain_text(
        "Call Mrs Diaz back before noon", timeout=LIVE_WITHIN_MS
    )
    assert page.evaluate("window.__sameDocument === true")


def test_it_keeps_both_texts_when_two_people_write_notes_from_the_same_version(
    page, login, member_page, lead, team, last_month
):
    from playwright.sync_api import expect

    login(lead)
    # The lead's screen must not hear of the member's save before the lead types: a poll would
    # rightly bring the member's text into the still untouched field, and there would be
    # nothing to merge (how soon it comes depends on the machine's load).
    page.route("**/retros/live/**", lambda route: route.abort())
    page.goto(retro_path(team, last_month))
    member_page.goto(retro_path(team, last_month))
    # Both start typing on version 0; the member's autosave lands first.
    page.locator("#id_notes").click()
    member_page.locator("#id_notes").fill("Mia: answer every e-mail within a day")
    member_page.locator("#notes-status").filter(has_text=re.compile("saved at")).wait_for()
    page.locator("#id_notes").fill("Leo: smile on the phone")
    page.locator("#id_notes").blur()
    # The lead's save is refused, and both texts are on the lead's screen to merge.
    expect(page.locator("#notes-theirs")).to_have_text("Mia: answer every e-mail within a day")
    expect(page.locator("#id_notes")).to_have_value("Leo: smile on the phone")
    assert Retro.objects.get(team=team, month=last_month).notes == "Mia: answer every e-mail within a day"
    page.locator("#id_notes").fill("Mia: answer every e-mail within a day\nLeo: smile on the phone")
    page.get_by_role("button", name="Save notes").click()
    expect(page.locator("#notes-conflict")).to_have_count(0)
    notes = Retro.objects.get(team=team, month=last_month).notes
    assert notes == "Mia: answer every e-mail within a day\nLeo: smile on the phone"
    # And the member's open page shows the merged notes without a reload.
    expect(member_page.locator("#id_notes")).to_have_value(notes, timeout=LIVE_WITHIN_MS)
