"""In a real Chromium: the lead invites an address; the link from the mail, opened in a fresh
browser context, lets the new colleague set a password and land in Front Desk."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.members.conftest import token_from_mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lead_invites_and_the_new_colleague_joins(page, login, browser, live_server, lead, team, settings):
    settings.SITE_URL = live_server.url
    login(lead)
    page.goto("/teams/front-desk/members/")
    page.get_by_label("E-mail addresses").fill("new.colleague@example.com")
    page.get_by_role("button", name="Send invitations").click()
    page.wait_for_url("**/teams/front-desk/members/")
    assert page.get_by_text("Invitation sent to new.colleague@example.com.").is_visible()

    link = f"{live_server.url}/invitations/{token_from_mail(mail.outbox[-1])}/"
    newcomer = browser.new_context(base_url=live_server.url)
    newcomer.set_default_timeout(10_000)
    try:
        tab = newcomer.new_page()
        tab.goto(link)
        tab.get_by_label("First name").fill("Nora")
        # Labels carry crispy's "*" for required fields: the inputs' ids are exact.
        tab.locator("#id_password1").fill("a-long-new-passphrase")
        tab.locator("#id_password2").fill("a-long-new-passphrase")
        tab.get_by_role("button", name="Create my account and join").click()
        tab.wait_for_url(f"{live_server.url}/")
        assert tab.get_by_text("Welcome to Front Desk!").is_visible()
        assert (
            tab.get_by_role("button", name="Front Desk")
            .or_(tab.get_by_role("link", name="Front Desk"))
            .first.is_visible()
        )

        tab.goto(link)  # the link worked once
        assert tab.get_by_role("heading", name="This invitation has already been used").is_visible()
    finally:
        newcomer.close()
    assert team.memberships.filter(user__email="new.colleague@example.com").exists()
