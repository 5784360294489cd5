"""On a 390px-wide phone the retro, karma and trends pages do not scroll sideways.

Wide tables scroll inside their own `.table-responsive` box instead of widening the page.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from stories.models import SequelOutcome
from tests.factories import RetroFactory, SequelLinkFactory, StoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# The outermost elements sticking out of the page, to say what to fix.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)
  .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`)"""
LONG = "Stayed two hours after closing to re-cut the Hendersons' keys for the whole family"


@pytest.fixture
def karma_chains(team, lead, member):
    today = timezone.localdate()
    original = StoryFactory(
        team=team,
        author=member,
        title=LONG,
        went_beyond=True,
        cost_note="Two hours of overtime and the key blanks, at our own expense",
        client_nickname="the locksmith's aunt",
        happened_on=today - dt.timedelta(days=100),
    )
    SequelLinkFactory(
        original=original,
        sequel=StoryFactory(team=team, author=lead, title=f"{LONG}: they came back", happened_on=today),
        outcome=SequelOutcome.BIGGER_ORDER,
    )
    # On the watchlist: 45 and 95 days on, nothing came back yet.
    for days in (45, 95):
        StoryFactory(
            team=team,
            author=member,
            title=f"{LONG} ({days})",
            went_beyond=True,
            happened_on=today - dt.timedelta(days=days),
        )


def test_it_does_not_scroll_sideways_on_a_phone(
    page, login, lead, team, last_month, month_stories, karma_chains
):
    retro = RetroFactory(team=team, month=last_month)
    retro.vote(month_stories[0], by=lead)
    login(lead)
    page.set_viewport_size(PHONE)

    for path in (
        reverse("retro_detail", kwargs={"slug": team.slug, "month": last_month}),
        reverse("karma", args=[team.slug]),
        reverse("trends", args=[team.slug]),
    ):
        page.goto(path)
        # The tables inside <details> count too: open them all.
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide: {page.evaluate(WIDEST)}"

    page.goto(reverse("karma", args=[team.slug]))
    assert page.locator(".table-responsive #karma-watchlist").count() == 1
    assert page.locator(".table-responsive #karma-ledger").count() == 1
