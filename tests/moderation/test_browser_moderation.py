"""In a real browser: a lead approves a pending story from /moderation/ without a page reload,
then the member sees it published in /stories/."""

from __future__ import annotations

import pytest

from stories.models import ModerationMode, Status, Story
from tests.browser_checks import assert_accessible
from tests.factories import StoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pre_moderated_story(team, member):
    team.moderation_mode = ModerationMode.PRE
    team.save(update_fields=["moderation_mode"])
    story = StoryFactory(
        team=team, author=member, status=Status.PENDING, published_at=None, title="The umbrella we lent"
    )
    story.submit(by=member)
    assert story.status == Status.PENDING
    return story


def test_it_approves_without_a_reload_and_the_member_then_sees_the_story(
    page, login, browser, live_server, lead, member, pre_moderated_story
):
    story = pre_moderated_story
    login(lead)
    page.goto("/moderation/")
    badge = page.locator("#moderation-badge")
    assert badge.inner_text().startswith("1")
    assert page.locator("#queue-count").inner_text() == "1 story waiting"
    # A full page load would wipe this marker; an htmx swap keeps it.
    page.evaluate("window.__stillTheSamePage = true")

    row = page.locator(f"#story-row-{story.pk}")
    row.get_by_role("button", name="Approve").click()

    page.locator(f"#story-row-{story.pk} [role=status]").wait_for()
    assert "approved and published" in page.locator(f"#story-row-{story.pk}").inner_text()
    assert page.evaluate("window.__stillTheSamePage === true")
    assert page.url.endswith("/moderation/")
    # The navigation badge hides at zero; the queue's header counts down in the same response.
    assert page.locator("#moderation-badge").is_hidden()
    assert page.locator("#queue-count").inner_text() == "0 stories waiting"
    assert_accessible(page)  # the queue after the swap, with its status message
    assert Story.objects.get(pk=story.pk).status == Status.PUBLISHED

    member_context = browser.new_context(base_url=live_server.url)
    try:
        member_page = member_context.new_page()
        member_page.goto("/accounts/login/")
        member_page.get_by_label("Username").fill(member.username)
        member_page.get_by_label("Password").fill("service-retro")
        member_page.get_by_role("button", name="Log in").click()
        member_page.wait_for_url("**/")
        member_page.goto("/stories/")
        member_page.get_by_role("link", name=story.title).first.click()
        member_page.wait_for_url(f"**/stories/{story.pk}/")
        assert member_page.get_by_role("heading", name=story.title).is_visible()
        assert member_page.locator("#story-status").count() == 0  # published: no status badge
    finally:
        member_context.close()

    # The decision is in the story's history, for the lead to see.
    page.goto(f"/stories/{story.pk}/")
    assert "Approved by Leo" in page.locator("#story-moderation").inner_text()


def test_it_rejects_with_a_reason_in_place(page, login, lead, pre_moderated_story):
    story = pre_moderated_story
    login(lead)
    page.goto("/moderation/")
    page.evaluate("window.__stillTheSamePage = true")
    row = page.locator(f"#story-row-{story.pk}")
    row.get_by_label("Reason for the author").fill("Please name the principle.")
    row.get_by_role("button", name="Reject").click()
    page.locator(f"#story-row-{story.pk} [role=status]").wait_for()
    assert page.evaluate("window.__stillTheSamePage === true")
    story.refresh_from_db()
    assert (story.status, story.status_reason) == (Status.REJECTED, "Please name the principle.")


def test_it_decides_from_the_story_page_with_javascript_on(page, login, lead, pre_moderated_story):
    story = pre_moderated_story
    login(lead)
    page.goto(f"/stories/{story.pk}/")
    page.locator("#story-moderation").get_by_role("button", name="Approve").click()
    page.wait_for_url(f"**/stories/{story.pk}/")
    page.locator("#story-moderation", has_text="Approved by Leo").wait_for()
    assert Story.objects.get(pk=story.pk).status == Status.PUBLISHED
