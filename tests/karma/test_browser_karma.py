"""In a real Chromium: log a sequel from a story, get one suggested while typing, find both on the ledger."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from stories.models import SequelLink, SequelOutcome, Story
from tests.browser_checks import assert_accessible
from tests.factories import StoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def original(page, team, member):
    # After `page`: it reloads the principle catalogue an earlier browser test flushed.
    return StoryFactory(
        team=team,
        author=member,
        title="Stayed after closing to re-cut the Hendersons' keys",
        what_happened="Their keys were cut wrong; we re-cut them for free after hours.",
        went_beyond=True,
        cost_note="An hour after closing",
        client_nickname="the locksmith's aunt",
        happened_on=timezone.localdate() - dt.timedelta(days=40),
        tags=[("make-it-right", "honoured")],
    )


def _fill_sequel(page, title: str) -> None:
    page.get_by_label("Good service").check()
    page.get_by_label("We gave it").check()
    page.get_by_label("Title").fill(title)
    page.get_by_label("What happened").fill("They came back and ordered keys for the whole office.")
    page.get_by_label("Relationships over scripts", exact=True).check()


def test_it_logs_a_sequel_from_a_story_and_finds_the_chain_on_the_ledger(page, login, member, team, original):
    login(member)
    page.goto(original.get_absolute_url())
    page.get_by_role("link", name="Log a sequel").click()
    page.wait_for_url(f"**/stories/new/?sequel_of={original.pk}")
    assert page.get_by_text("This story is a sequel to").is_visible()

    _fill_sequel(page, "The Hendersons ordered office keys")
    page.get_by_label("What came of the earlier story?").select_option(SequelOutcome.BIGGER_ORDER)
    page.get_by_role("button", name="Save story").click()
    page.wait_for_url("**/stories/*/")

    links = page.locator("#karma")
    assert links.get_by_text("Follows:").is_visible()
    assert links.get_by_role("link", name=original.title).is_visible()
    assert links.get_by_text("(bigger order, 40 days later)").is_visible()

    page.goto(f"/teams/{team.slug}/karma/")
    chain = page.locator(f'#karma-ledger tbody[data-chain="{original.pk}"]')
    assert chain.get_by_role("link", name=original.title).is_visible()
    assert chain.get_by_role("link", name="The Hendersons ordered office keys").is_visible()
    assert chain.get_by_text("An hour after closing").is_visible()
    assert page.locator("#karma-rate").inner_text().strip() == "100%"


def test_it_suggests_the_original_while_typing_and_links_it_in_one_click(page, login, member, team, original):
    login(member)
    page.goto("/stories/new/")
    _fill_sequel(page, "Keys again")
    # The nickname is one of the optional fields folded under one summary.
    page.get_by_text("Went beyond, client nickname, anonymity (optional)").click()
    page.get_by_label("Client nickname").fill("The Locksmith's Aunt")

    suggestion = page.locator(f'#sequel-suggestions input[name="sequel_of"][value="{original.pk}"]')
    suggestion.wait_for()
    page.get_by_label(original.title, exact=False).check()
    page.get_by_label("What came of the earlier story?").select_option(SequelOutcome.REFERRAL)
    page.get_by_role("button", name="Save story").click()
    page.wait_for_url("**/stories/*/")

    sequel = Story.objects.get(title="Keys again")
    link = SequelLink.objects.get()
    assert (link.original_id, link.sequel_id, link.outcome) == (
        original.pk,
        sequel.pk,
        SequelOutcome.REFERRAL,
    )

    page.goto(f"/teams/{team.slug}/karma/")
    assert (
        page.locator(f'#karma-ledger tbody[data-chain="{original.pk}"]')
        .get_by_text("Keys again")
        .is_visible()
    )


def test_it_finds_the_later_story_by_typing(page, login, member, team, original):
    StoryFactory(
        team=team,
        author=member,
        kind="bad",
        title="Kept the locksmith waiting",
        happened_on=timezone.localdate(),
    )
    later = StoryFactory(
        team=team, author=member, title="The locksmith's aunt came back", happened_on=timezone.localdate()
    )
    login(member)
    page.goto(f"/stories/{original.pk}/sequels/link/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Find the later story").fill("locksmith")
    candidates = page.locator("#sequel-candidates")
    candidates.get_by_text("Kept the locksmith waiting").wait_for()
    assert candidates.locator("input[name=sequel]").count() == 2
    assert page.evaluate("window.__sameDocument === true")  # swapped in place by htmx

    page.get_by_label("Find the later story").fill("aunt came")
    candidates.get_by_text("Kept the locksmith waiting").wait_for(state="detached")
    assert candidates.get_by_label(later.title).is_visible()
    assert_accessible(page)
