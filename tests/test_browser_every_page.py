"""Every page, on a desktop and on a phone: zero axe-core violations and no sideways scroll.

One browser context walks the page list once per viewport, so the whole tour costs a few
seconds rather than a browser per page. Error states count as pages: a login that failed and
a story form sent back with its errors.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from stories.models import ModerationMode, SequelOutcome, Status
from stories.months import add_months
from stories.retro_stats import current_month
from tests.browser_checks import DESKTOP, PHONE, assert_accessible, assert_fits_phone
from tests.factories import (
    ActionItemFactory,
    MembershipFactory,
    RetroFactory,
    SequelLinkFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = "Stayed two hours after closing to re-cut the Hendersons' keys for the whole family"


@pytest.fixture
def busy_team(page, team, lead, member):
    """A month with enough people and stories for every section of every page to show."""
    lead.user_permissions.add(Permission.objects.get(codename="moderate_story"))
    team.moderation_mode = ModerationMode.PRE
    team.save(update_fields=["moderation_mode"])
    people = [member, lead]
    for name in ("ana", "ben", "cat"):
        user = UserFactory(username=name, first_name=name.title())
        MembershipFactory(user=user, team=team)
        people.append(user)
    last_month = add_months(current_month(team), -1)
    stories = [
        StoryFactory(
            team=team,
            author=author,
            kind="bad" if day % 3 == 2 else "good",
            anonymous=day == 4,
            happened_on=last_month + dt.timedelta(days=day),
            channel=("phone", "email", "in_person")[day % 3],
            tags=[("empathy", "honoured"), ("make-it-right", "broken" if day % 3 == 2 else "honoured")],
        )
        for day, author in enumerate(people * 2)
    ]
    today = timezone.localdate()
    original = StoryFactory(
        team=team,
        author=member,
        title=LONG,
        went_beyond=True,
        cost_note="Two hours of overtime and the key blanks, at our own expense",
        client_nickname="the locksmith's aunt",
        happened_on=today - dt.timedelta(days=100),
        tags=[("a-little-bit-more", "honoured")],
    )
    SequelLinkFactory(
        original=original,
        sequel=StoryFactory(team=team, author=lead, title=f"{LONG}: they came back", happened_on=today),
        outcome=SequelOutcome.BIGGER_ORDER,
    )
    pending = StoryFactory(
        team=team, author=lead, title="Waiting for the lead", status=Status.PENDING, published_at=None
    )
    retro = RetroFactory(team=team, month=last_month, notes="We thanked the night porter.")
    retro.vote(stories[0], by=lead)
    ActionItemFactory(retro=retro, text="Thank the courier in person", owner=member)
    return {"month": last_month, "story": stories[0], "original": original, "pending": pending}


def pages(team, data):
    month = data["month"]
    story = data["story"]
    return [
        reverse("dashboard"),
        reverse("story_list"),
        reverse("story_list") + "?kind=bad&team=" + team.slug,
        reverse("story_create"),
        reverse("story_detail", args=[story.pk]),
        reverse("story_detail", args=[data["original"].pk]),
        reverse("story_edit", args=[data["pending"].pk]),
        reverse("sequel_link", args=[story.pk]),
        reverse("retro_list", args=[team.slug]),
        reverse("retro_detail", kwargs={"slug": team.slug, "month": month}),
        reverse("trends", args=[team.slug]),
        reverse("karma", args=[team.slug]),
        reverse("moderation_queue"),
        reverse("retros_across_teams", args=[month]),
        reverse("password_change"),
        # Error pages: a story that does not exist, and one that may no longer be edited.
        reverse("story_detail", args=[999_999]),
        reverse("story_edit", args=[story.pk]),
    ]


def check(page, problems):
    """Collects what is wrong with the page as it is now, so one run names every page to fix."""
    # The tables inside <details> count too: open them all.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    checks = [assert_accessible]
    if page.viewport_size["width"] == PHONE["width"]:
        checks.append(assert_fits_phone)
    for run in checks:
        try:
            run(page)
        except AssertionError as error:
            problems.append(str(error))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_it_has_no_accessibility_violation_nor_sideways_scroll_anywhere(
    page, viewport, team, lead, busy_team
):
    problems: list[str] = []
    page.set_viewport_size(viewport)
    page.goto(reverse("login"))
    check(page, problems)
    page.get_by_label("Username").fill(lead.username)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    page.locator(".alert-danger").first.wait_for()
    check(page, problems)

    page.get_by_label("Password").fill("service-retro")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
    for path in pages(team, busy_team):
        page.goto(path)
        check(page, problems)

    # The story form sent back with its errors (no JavaScript validation needed to get there).
    page.goto(reverse("story_create"))
    page.get_by_role("button", name="Save story").click()
    page.locator(".invalid-feedback, .alert-danger, [role=alert]").first.wait_for()
    check(page, problems)
    assert not problems, "\n\n".join(problems)
