"""In a real browser: voting, action items and closing all happen in place through htmx.

With SAVE_SCREENSHOTS=1 the last test also refreshes docs/retro.png and docs/retro-print.png
(left alone otherwise, so CI runs do not churn the files).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.urls import reverse

from stories.core.months import add_months
from stories.models import ActionItem, Retro, RetroVote
from tests.browser_checks import assert_accessible
from tests.factories import ActionItemFactory, MembershipFactory, RetroFactory, StoryFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs"


def retro_path(team, month):
    return reverse("retro_detail", kwargs={"slug": team.slug, "month": month})


def mark_page(page):
    """A flag that a full page load would wipe: it proves htmx swapped in place."""
    page.evaluate("window.__sameDocument = true")


def still_same_document(page):
    return page.evaluate("window.__sameDocument === true")


def button_named(page, visible, hidden):
    """A button by its visible text plus its visually hidden detail (browsers may put a space between)."""
    return page.get_by_role("button", name=re.compile(rf"^{re.escape(visible)}\s*: {re.escape(hidden)}$"))


def test_it_votes_and_takes_the_vote_back_in_place(page, login, member, team, last_month, month_stories):
    login(member)
    page.goto(retro_path(team, last_month))
    mark_page(page)
    story = month_stories[1]
    button_named(page, "☆ Vote", f"vote for “{story.title}”").click()
    button_named(page, "★ Voted", f"take back your vote for “{story.title}”").wait_for()
    assert page.locator("#votes-left").inner_text() == "You have 2 of 3 votes left."
    assert story.title in page.locator("#highlights ol").inner_text()
    assert RetroVote.objects.filter(story=story, voter=member).exists()
    button_named(page, "★ Voted", f"take back your vote for “{story.title}”").click()
    button_named(page, "☆ Vote", f"vote for “{story.title}”").wait_for()
    assert not RetroVote.objects.exists()
    assert still_same_document(page)


def test_it_adds_assigns_and_completes_an_action_item_in_place(
    page, login, lead, member, team, last_month, month_stories
):
    login(lead)
    page.goto(retro_path(team, last_month))
    mark_page(page)
    form = page.locator("#action-items form").last
    form.get_by_label("Action").fill("Thank the courier in person")
    form.get_by_label("Owner").select_option(label="Mia")
    form.get_by_role("button", name="Add action item").click()
    item_row = page.locator(".action-item", has_text="Thank the courier in person")
    item_row.wait_for()
    assert "Mia" in item_row.inner_text()
    assert_accessible(page)  # the retro after an htmx swap
    item = ActionItem.objects.get(text="Thank the courier in person")
    assert item.owner == member
    button_named(page, "✓ Done", "Thank the courier in person").click()
    button_named(page, "↺ Reopen", "Thank the courier in person").wait_for()
    from playwright.sync_api import expect

    # htmx settles attributes a moment after the swap, so wait for the class rather than read it once.
    expect(page.locator(f"#action-{item.pk}")).to_have_class(re.compile(r"\bis-done\b"))
    item.refresh_from_db()
    assert item.is_done
    assert still_same_document(page)


def test_it_closes_and_reopens_the_retro_in_place(page, login, lead, team, last_month, month_stories):
    login(lead)
    page.goto(retro_path(team, last_month))
    mark_page(page)
    page.get_by_role("button", name="Close retro").click()
    page.get_by_role("button", name="Reopen retro").wait_for()
    assert "frozen" in page.locator("#frozen-note").inner_text()
    assert Retro.objects.get(team=team, month=last_month).is_closed
    assert page.get_by_role("button", name=re.compile("☆ Vote")).count() == 0
    page.get_by_role("button", name="Reopen retro").click()
    page.get_by_role("button", name="Close retro").wait_for()
    assert not Retro.objects.get(team=team, month=last_month).is_closed
    assert still_same_document(page)


STORIES = [
    (
        "good",
        "gave",
        "phone",
        "Stayed on the line until the refund cleared",
        [("empathy", "honoured"), ("make-it-right", "honoured")],
    ),
    (
        "good",
        "gave",
        "in_person",
        "Walked the lost tourist to the right platform",
        [("a-little-bit-more", "honoured"), ("empathy", "honoured")],
    ),
    (
        "good",
        "received",
        "in_person",
        "The baker who remembered my order",
        [("every-customer-counts", "honoured"), ("golden-rule", "honoured")],
    ),
    (
        "bad",
        "gave",
        "email",
        "Three days before we answered a simple question",
        [("deliver-whats-on-the-tin", "broken")],
    ),
    (
        "good",
        "gave",
        "phone",
        "Explained the delay honestly instead of guessing",
        [("honesty", "honoured"), ("empathy", "honoured")],
    ),
    (
        "bad",
        "received",
        "chat",
        "The chatbot that would not hand over to a person",
        [("relationships-over-scripts", "broken"), ("deliver-whats-on-the-tin", "broken")],
    ),
    (
        "good",
        "gave",
        "in_person",
        "Fixed the wrong booking and added a late checkout",
        [("make-it-right", "honoured"), ("a-little-bit-more", "honoured")],
    ),
    (
        "bad",
        "gave",
        "phone",
        "We argued about the policy and lost the client",
        [("always-the-customer", "broken"), ("empathy", "broken")],
    ),
    (
        "good",
        "gave",
        "email",
        "Replied within the hour with the exact answer",
        [("deliver-whats-on-the-tin", "honoured")],
    ),
    (
        "good",
        "gave",
        "in_person",
        "Noticed the nervous first-time customer and slowed down",
        [("read-the-cues", "honoured"), ("empathy", "honoured")],
    ),
    (
        "bad",
        "received",
        "phone",
        "On hold for forty minutes, then cut off",
        [("every-customer-counts", "broken"), ("deliver-whats-on-the-tin", "broken")],
    ),
    (
        "good",
        "gave",
        "phone",
        "Paid the taxi fare from the petty cash to get her home",
        [("a-little-bit-more", "honoured"), ("pay-it-forward", "honoured")],
    ),
    (
        "good",
        "gave",
        "in_person",
        "Found a chair and water for the customer who felt faint",
        [("read-the-cues", "honoured"), ("empathy", "honoured")],
    ),
    (
        "good",
        "gave",
        "phone",
        "Called back at the time we promised, to the minute",
        [("deliver-whats-on-the-tin", "honoured"), ("honesty", "honoured")],
    ),
    (
        "bad",
        "gave",
        "in_person",
        "Sighed at a customer who asked twice",
        [("check-our-bitterness", "broken"), ("empathy", "broken")],
    ),
    (
        "good",
        "gave",
        "email",
        "Sent the spare part before the replacement was approved",
        [("make-it-right", "honoured"), ("a-little-bit-more", "honoured")],
    ),
    (
        "good",
        "received",
        "in_person",
        "The garage that explained every line of the bill",
        [("honesty", "honoured"), ("golden-rule", "honoured")],
    ),
    (
        "bad",
        "received",
        "email",
        "A refund promised in five days that took five weeks",
        [("deliver-whats-on-the-tin", "broken"), ("honesty", "broken")],
    ),
    (
        "good",
        "gave",
        "phone",
        "Asked what the order was for and suggested a better fit",
        [("ask-the-right-questions", "honoured"), ("a-little-bit-more", "honoured")],
    ),
    (
        "good",
        "gave",
        "in_person",
        "Ended a refusal with a warm goodbye and a voucher",
        [("end-well", "honoured"), ("empathy", "honoured")],
    ),
    (
        "bad",
        "gave",
        "phone",
        "Read the script while the caller was crying",
        [("relationships-over-scripts", "broken"), ("read-the-cues", "broken")],
    ),
    (
        "good",
        "gave",
        "chat",
        "Stayed after closing to finish a chat with an elderly client",
        [("every-customer-counts", "honoured"), ("a-little-bit-more", "honoured")],
    ),
    (
        "good",
        "gave",
        "in_person",
        "Replaced the cracked cup without being asked",
        [("make-it-right", "honoured"), ("celebrate-dont-tolerate", "honoured")],
    ),
    (
        "bad",
        "received",
        "in_person",
        "A premium hotel that ignored the broken heater",
        [("premium-means-premium", "broken"), ("make-it-right", "broken")],
    ),
]


def test_it_screenshots_a_retro_and_its_print_view(page, login, lead, member, team, last_month, tmp_path):
    people = [member, lead]
    for username, first_name in (("ana", "Ana"), ("ben", "Ben"), ("cat", "Cat")):
        person = UserFactory(username=username, first_name=first_name)
        MembershipFactory(user=person, team=team)
        people.append(person)
    stories = []
    for index, (kind, perspective, channel, title, tags) in enumerate(STORIES):
        stories.append(
            StoryFactory(
                team=team,
                author=people[index % len(people)],
                kind=kind,
                perspective=perspective,
                channel=channel,
                title=title,
                lesson="Listening first, then doing a little more than asked, made the difference.",
                happened_on=last_month + dt.timedelta(days=index % 28),
                went_beyond=title.startswith("Paid"),
                anonymous=index == 7,
                tags=tags,
            )
        )
    for index in range(5):
        StoryFactory(
            team=team,
            author=people[index],
            happened_on=add_months(last_month, -1) + dt.timedelta(days=index),
            tags=[("empathy", "honoured")],
        )
    retro = RetroFactory(
        team=team,
        month=last_month,
        notes="Phone stories lead this month. We agreed to answer every e-mail within a working day.",
    )
    for voter, picks in zip(people, ([0, 11], [11, 1], [11, 0, 6], [1], [4]), strict=True):
        for pick in picks:
            retro.vote(stories[pick], by=voter)
    earlier = RetroFactory(team=team, month=add_months(last_month, -1))
    ActionItemFactory(
        retro=earlier,
        text="Set up a shared inbox rota",
        owner=people[2],
        due_on=last_month + dt.timedelta(days=20),
    )
    ActionItemFactory(
        retro=retro,
        text="Thank the courier in person",
        owner=member,
        due_on=last_month + dt.timedelta(days=40),
    )
    done = ActionItemFactory(retro=retro, text="Add a hand-over-to-a-person button to chat", owner=lead)
    done.complete(by=lead)

    login(lead)
    page.goto(retro_path(team, last_month))
    page.get_by_role("heading", name="Highlights").wait_for()
    assert page.locator("svg.sparkline").count() >= 18
    # Screenshots are always taken (so the print view is exercised); docs/ is only
    # rewritten on request, so an ordinary run leaves the repository untouched.
    target = DOCS if os.environ.get("SAVE_SCREENSHOTS") == "1" else tmp_path
    target.mkdir(exist_ok=True)
    page.screenshot(path=str(target / "retro.png"), full_page=True)
    close_button = page.get_by_role("button", name="Close retro")
    assert close_button.is_visible()
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert not close_button.is_visible()
    page.screenshot(path=str(target / "retro-print.png"), full_page=True)
    assert (target / "retro.png").stat().st_size > 10_000 and (
        target / "retro-print.png"
    ).stat().st_size > 10_000
